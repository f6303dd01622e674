package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event bus as persisted in the {@code events.buses} state table, keyed by {@code scope.key(name)}. Optional
 * members are {@code null} when absent (the record is a Jackson document, not an API type). Times are epoch millis.
 * The default bus has a record only once something about it changed; until then it is {@link #implicitDefault}.
 */
record BusRecord(
        String name,
        String description,
        String kmsKeyIdentifier,
        String deadLetterArn,
        String logLevel,
        String logIncludeDetail,
        String policy,
        Map<String, String> tags,
        Long creationMillis,
        Long lastModifiedMillis) {
    static final String DEFAULT = "default";

    BusRecord {
        requireNonNull(name, "name is null");
        // Insertion order is the order the caller gave the tags in; keep it for ListTagsForResource.
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    BusRecord withPolicy(String newPolicy, long nowMillis) {
        return new BusRecord(name, description, kmsKeyIdentifier, deadLetterArn, logLevel, logIncludeDetail, newPolicy,
                tags, creationMillis, nowMillis);
    }

    BusRecord withTags(Map<String, String> newTags) {
        return new BusRecord(name, description, kmsKeyIdentifier, deadLetterArn, logLevel, logIncludeDetail, policy,
                newTags, creationMillis, lastModifiedMillis);
    }

    /** The default bus as it exists before anything about it is stored: AWS does not say when it was created. */
    static BusRecord implicitDefault() {
        return new BusRecord(DEFAULT, null, null, null, null, null, null, Map.of(), null, null);
    }
}
