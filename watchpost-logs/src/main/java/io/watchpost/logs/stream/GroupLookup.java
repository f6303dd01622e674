package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.LogsService;
import java.util.Optional;

/** Resolves logGroupName / logGroupIdentifier (a name or an ARN of the caller's scope) to an existing log group. */
final class GroupLookup {
    private static final String RESOURCE_PREFIX = "log-group:";

    private final LogsService groups;

    GroupLookup(LogsService groups) {
        this.groups = requireNonNull(groups, "groups is null");
    }

    LogGroupInfo byName(Scope scope, String name) {
        return groups.logGroup(scope, name).orElseThrow(GroupLookup::notFound);
    }

    /** For operations taking either member: both given is AWS's ValidationException, neither a guessed message. */
    LogGroupInfo byNameOrIdentifier(Scope scope, String name, String identifier) {
        if (name != null && identifier != null) {
            throw new AwsException(AwsError.LOGS_VALIDATION,
                    "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Either logGroupName or logGroupIdentifier must be specified.");
        }
        String resolved = name != null ? name : nameIn(scope, identifier).orElseThrow(GroupLookup::notFound);
        return byName(scope, resolved);
    }

    static AwsException notFound() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }

    private static Optional<String> nameIn(Scope scope, String identifier) {
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
