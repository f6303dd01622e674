package io.watchpost.cloudwatch.math;

import java.time.Duration;
import java.time.Instant;

/**
 * CloudWatch's rules tying a query's period and start time to the age of the data (GetMetricData reference):
 * the start is rounded down to the minute (data under 15 days old), 5 minutes (15 to 63 days) or hour (older), or
 * to the period itself for periods under a minute; and a period finer than what is retained for that age returns no
 * datapoints (under 60 s beyond 3 hours, not a multiple of 300 beyond 15 days, of 3600 beyond 63 days).
 */
final class PeriodRules {
    private static final Duration HIGH_RESOLUTION_RETENTION = Duration.ofHours(3);
    private static final Duration MINUTE_RETENTION = Duration.ofDays(15);
    private static final Duration FIVE_MINUTE_RETENTION = Duration.ofDays(63);

    private PeriodRules() {}

    static long alignedStart(Instant start, int period, Instant now) {
        long granularity;
        Duration age = Duration.between(start, now);
        if (period < 60) {
            granularity = period;
        } else if (age.compareTo(MINUTE_RETENTION) < 0) {
            granularity = 60;
        } else if (age.compareTo(FIVE_MINUTE_RETENTION) < 0) {
            granularity = 300;
        } else {
            granularity = 3600;
        }
        return Math.floorDiv(start.getEpochSecond(), granularity) * granularity;
    }

    static boolean servesData(Instant start, int period, Instant now) {
        Duration age = Duration.between(start, now);
        if (age.compareTo(HIGH_RESOLUTION_RETENTION) > 0 && period < 60) {
            return false;
        }
        if (age.compareTo(MINUTE_RETENTION) > 0 && period % 300 != 0) {
            return false;
        }
        return age.compareTo(FIVE_MINUTE_RETENTION) <= 0 || period % 3600 == 0;
    }
}
