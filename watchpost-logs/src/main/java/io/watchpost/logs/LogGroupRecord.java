package io.watchpost.logs;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A log group as persisted in the {@code log-groups} state table, keyed by {@code Scope.key(logGroupName)}.
 * {@code kmsKeyId} and {@code retentionInDays} are {@code null} when not set (the journal stores plain JSON);
 * read them through {@link #kmsKey()} and {@link #retention()}.
 */
record LogGroupRecord(
        String logGroupName,
        long creationTime,
        String kmsKeyId,
        Map<String, String> tags,
        String logGroupClass,
        boolean deletionProtectionEnabled,
        Integer retentionInDays) {
    LogGroupRecord {
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(logGroupClass, "logGroupClass is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    LogGroupRecord withRetention(Integer days) {
        return new LogGroupRecord(logGroupName, creationTime, kmsKeyId, tags, logGroupClass, deletionProtectionEnabled,
                days);
    }

    Optional<String> kmsKey() {
        return Optional.ofNullable(kmsKeyId);
    }

    Optional<Integer> retention() {
        return Optional.ofNullable(retentionInDays);
    }
}
