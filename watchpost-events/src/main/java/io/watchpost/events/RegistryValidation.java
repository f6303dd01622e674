package io.watchpost.events;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.schemas.model.CreateRegistryRequest;
import software.amazon.awssdk.services.schemas.model.ListRegistriesRequest;

/**
 * Checks on registry requests. The Schemas model constrains only the description (0-256 characters); the name rule
 * (1-64 characters of {@code [.\-_A-Za-z0-9]}) is the one AWS tooling enforces for registry names. Schemas answers
 * every bad parameter with {@code BadRequestException}.
 */
final class RegistryValidation {
    static final int MAX_LIMIT = 100;
    private static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private RegistryValidation() {}

    static void create(CreateRegistryRequest request) {
        name(request.registryName());
        if (request.description() != null && request.description().length() > 256) {
            throw badRequest("Description must be at most 256 characters long");
        }
    }

    static void name(String name) {
        if (name == null || name.isEmpty()) {
            throw badRequest("RegistryName is required");
        }
        if (name.length() > 64 || !NAME.matcher(name).matches()) {
            throw badRequest("Invalid RegistryName " + name
                    + ": it must be 1 to 64 characters of letters, digits, '.', '-' and '_'");
        }
    }

    static void list(ListRegistriesRequest request) {
        Integer limit = request.limit();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw badRequest("Limit must be between 1 and " + MAX_LIMIT);
        }
        String scope = request.scope();
        if (scope != null && !scope.equals("LOCAL") && !scope.equals("AWS")) {
            throw badRequest("Scope must be one of LOCAL, AWS");
        }
    }

    private static AwsException badRequest(String message) {
        return new AwsException(AwsError.SCHEMAS_BAD_REQUEST, message);
    }
}
