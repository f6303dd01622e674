package io.watchpost.cloudwatch.metrics;

import java.time.Duration;

/**
 * Where the first period of a statistics query starts, as CloudWatch rounds {@code StartTime}: down to a multiple of
 * a sub-minute period; otherwise down to the minute when the start is less than 15 days old, to 5 minutes up to 63
 * days, to the hour beyond. The store answers a period from the coarsest tier that divides both the period and this
 * start, which is what makes data older than a tier's retention visible only at coarser periods.
 */
final class PeriodAlignment {
    private static final long FIFTEEN_DAYS = Duration.ofDays(15).toMillis();
    private static final long SIXTY_THREE_DAYS = Duration.ofDays(63).toMillis();

    private PeriodAlignment() {}

    /** The aligned start in epoch seconds. */
    static long alignedStart(long startMillis, long nowMillis, int periodSeconds) {
        long second = Math.floorDiv(startMillis, 1000);
        long age = nowMillis - startMillis;
        int unit;
        if (periodSeconds < 60) {
            unit = periodSeconds;
        } else if (age < FIFTEEN_DAYS) {
            unit = 60;
        } else if (age < SIXTY_THREE_DAYS) {
            unit = 300;
        } else {
            unit = 3600;
        }
        return Math.floorDiv(second, unit) * unit;
    }

    /** The end in epoch seconds, rounded up so that a period the end falls into is included. */
    static long endSecond(long endMillis) {
        return Math.floorDiv(endMillis + 999, 1000);
    }

    /** GetMetricStatistics and MetricStat periods: 1, 5, 10, 20, 30 or any multiple of 60. */
    static boolean validPeriod(int period) {
        return period == 1 || period == 5 || period == 10 || period == 20 || period == 30
                || (period > 0 && period % 60 == 0);
    }
}
