package io.watchpost.cloudwatch.math;

import java.util.Optional;

/** The functions of AWS's metric math reference that Watchpost evaluates, grouped by how they shape their input. */
enum Fn {
    // Point-wise: S → S, TS → TS, TS[] → TS[].
    ABS, CEIL, FLOOR, LOG, LOG10,
    // Reductions: TS → S (over time), TS[] → TS (across series per timestamp).
    AVG, MAX, MIN, SUM, STDDEV, DATAPOINT_COUNT,
    // Along one series: TS → TS, TS[] → TS[].
    DIFF, DIFF_TIME, RATE, RUNNING_SUM,
    // Timestamp functions: a non-sparse series over the query range at the input's period.
    MINUTE, HOUR, DAY, DATE, MONTH, YEAR, EPOCH,
    // The rest have their own shapes.
    FILL, FIRST, LAST, IF, METRIC_COUNT, METRICS, PERIOD, REMOVE_EMPTY, SEARCH, SLICE, SORT, TIME_SERIES;

    /** Functions AWS documents whose data Watchpost does not have; they compile to a clear error. */
    static final java.util.Set<String> UNSUPPORTED = java.util.Set.of(
            "ANOMALY_DETECTION_BAND", "INSIGHT_RULE_METRIC", "SERVICE_QUOTA", "DB_PERF_INSIGHTS", "LAMBDA");

    static Optional<Fn> named(String name) {
        for (Fn fn : values()) {
            if (fn.name().equals(name)) {
                return Optional.of(fn);
            }
        }
        return Optional.empty();
    }

    boolean pointwise() {
        return ordinal() <= LOG10.ordinal();
    }

    boolean reduction() {
        return ordinal() >= AVG.ordinal() && ordinal() <= DATAPOINT_COUNT.ordinal();
    }

    boolean sequential() {
        return ordinal() >= DIFF.ordinal() && ordinal() <= RUNNING_SUM.ordinal();
    }

    boolean temporal() {
        return ordinal() >= MINUTE.ordinal() && ordinal() <= EPOCH.ordinal();
    }
}
