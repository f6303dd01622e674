package io.watchpost.logs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What other parts of the logs module need to know of a log group: its name, its creation time (epoch millis; it
 * also tells a re-created group from an old one of the same name) and its retention in days, if set.
 */
public record LogGroupInfo(String logGroupName, long creationTime, Optional<Integer> retentionInDays) {
    public LogGroupInfo {
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(retentionInDays, "retentionInDays is null");
    }
}
