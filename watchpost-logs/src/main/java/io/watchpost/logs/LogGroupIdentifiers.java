package io.watchpost.logs;

import io.watchpost.core.Arn;
import io.watchpost.core.Scope;
import java.util.Optional;

/**
 * Resolves a log group identifier (a name, or an ARN without the trailing {@code :*}, which the identifier pattern
 * does not allow) to a name in the caller's scope. An ARN of another account or region names nothing here:
 * Watchpost has no cross-account observability links.
 */
final class LogGroupIdentifiers {
    private static final String RESOURCE_PREFIX = "log-group:";

    private LogGroupIdentifiers() {}

    static Optional<String> nameIn(Scope scope, String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        if (!identifier.startsWith("arn:")) {
            return Optional.of(identifier);
        }
        return Arn.parse(identifier)
                .filter(arn -> arn.service().equals("logs") && arn.scope().equals(scope))
                .map(Arn::resource)
                .filter(resource -> resource.startsWith(RESOURCE_PREFIX))
                .map(resource -> resource.substring(RESOURCE_PREFIX.length()));
    }
}
