package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

/**
 * A log stream as persisted in the {@code log-streams} state table, keyed by
 * {@code Scope.key(logGroupName + ":" + logStreamName)} (neither name may contain ':', so a group's streams are one
 * contiguous key range in name order). {@code incarnation} is unique per creation, so events of a deleted stream
 * never reappear in a re-created one; {@code groupCreationTime} ties the stream to one incarnation of its group.
 */
record StreamRecord(String logGroupName, String logStreamName, long creationTime, long incarnation,
        long groupCreationTime) {
    StreamRecord {
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(logStreamName, "logStreamName is null");
    }
}
