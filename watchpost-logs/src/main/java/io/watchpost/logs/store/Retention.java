package io.watchpost.logs.store;

import io.watchpost.logs.LogGroupInfo;

/** The oldest timestamp a group keeps now: events before it are invisible at once and deleted by the retention task. */
public final class Retention {
    public static final long DAY_MILLIS = 86_400_000L;

    private Retention() {}

    /** {@code Long.MIN_VALUE} when the group keeps events forever. */
    public static long visibleFrom(LogGroupInfo group, long nowMillis) {
        return group.retentionInDays().map(days -> nowMillis - days * DAY_MILLIS).orElse(Long.MIN_VALUE);
    }
}
