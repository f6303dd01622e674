package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One PutMetricData datum, validated: either raw values ({@code values} with optional {@code counts}, a single
 * {@code Value} being a one-element array) or a statistic set. Arrays are not copied (this is the ingest hot path):
 * treat them as immutable.
 *
 * @param unit the StandardUnit name; "None" when the caller gave none
 * @param counts null when every value counts once
 */
public record Datum(String namespace, String metricName, Map<String, String> dimensions, String unit,
        long timestampMillis, boolean highResolution, double[] values, double[] counts,
        Optional<StatisticSet> statisticSet) {
    public Datum {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(metricName, "metricName is null");
        requireNonNull(dimensions, "dimensions is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(statisticSet, "statisticSet is null");
        if ((values == null) == statisticSet.isEmpty()) {
            throw new IllegalArgumentException("exactly one of values and statisticSet");
        }
        if (values != null && counts != null && counts.length != values.length) {
            throw new IllegalArgumentException("counts and values differ in length");
        }
    }

    /** A single {@code Value}. */
    public static Datum value(String namespace, String metricName, Map<String, String> dimensions, String unit,
            long timestampMillis, boolean highResolution, double value) {
        return new Datum(namespace, metricName, dimensions, unit, timestampMillis, highResolution,
                new double[] {value}, null, Optional.empty());
    }

    /** PutMetricData {@code StatisticValues}. */
    public record StatisticSet(double sampleCount, double sum, double minimum, double maximum) {}
}
