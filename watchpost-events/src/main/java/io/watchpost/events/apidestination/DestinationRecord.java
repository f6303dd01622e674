package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

/**
 * One API destination as persisted in the {@code events.api-destinations} state table, keyed by
 * {@code scope.key(name)}. Times are epoch millis.
 */
record DestinationRecord(
        String name,
        String uuid,
        String description,
        String connectionArn,
        String invocationEndpoint,
        String httpMethod,
        int invocationRateLimitPerSecond,
        long creationMillis,
        long lastModifiedMillis) {
    static final int DEFAULT_RATE_LIMIT = 300;

    DestinationRecord {
        requireNonNull(name, "name is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(connectionArn, "connectionArn is null");
        requireNonNull(invocationEndpoint, "invocationEndpoint is null");
        requireNonNull(httpMethod, "httpMethod is null");
    }
}
