package io.watchpost.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Everything about one API call that is not its parameters: identity, scope, request id and provenance.
 * Handlers read the scope from here; the CloudTrail recorder reads the rest.
 */
public record RequestContext(
        String requestId,
        Principal principal,
        String region,
        String service,
        String operation,
        String sourceIp,
        String userAgent,
        Instant receivedAt) {
    public RequestContext {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(region, "region is null");
        requireNonNull(service, "service is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(sourceIp, "sourceIp is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(receivedAt, "receivedAt is null");
    }

    public Scope scope() {
        return new Scope(principal.accountId(), region);
    }
}
