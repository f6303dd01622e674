package io.watchpost.cloudwatch.tsdb;

import java.time.Duration;

/**
 * CloudWatch's resolutions and how long each is kept: high-resolution (1 s) data for 3 hours, 1-minute data for
 * 15 days, 5-minute data for 63 days, 1-hour data for 455 days. Every datapoint is aggregated on arrival into the
 * cell of each tier it is not already too old for (1 s only for {@code StorageResolution=1}), so a coarser tier
 * is always the exact roll-up of the finer ones, and retention simply drops each tier's expired cells.
 */
public enum Tier {
    SECOND(1, Duration.ofHours(3)),
    MINUTE(60, Duration.ofDays(15)),
    FIVE_MINUTES(300, Duration.ofDays(63)),
    HOUR(3600, Duration.ofDays(455));

    private final int seconds;
    private final Duration retention;

    Tier(int seconds, Duration retention) {
        this.seconds = seconds;
        this.retention = retention;
    }

    public int seconds() {
        return seconds;
    }

    public Duration retention() {
        return retention;
    }

    /** Start (epoch seconds) of the cell holding {@code epochSecond}. */
    long cellStart(long epochSecond) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }

    /** The oldest cell start still kept at {@code nowMillis}. */
    long oldestKept(long nowMillis) {
        return cellStart(Math.floorDiv(nowMillis, 1000) - retention.toSeconds());
    }
}
