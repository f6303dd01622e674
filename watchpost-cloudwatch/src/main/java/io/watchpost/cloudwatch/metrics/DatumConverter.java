package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricChecks.invalidValue;

import io.watchpost.cloudwatch.tsdb.Datum;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * Turns one model-valid SDK datum into a store {@link Datum}, with AWS's semantic checks: value forms, at most 150
 * values, Counts matching Values, values finite and within ±2^360, StorageResolution 1 or 60. Timestamps outside
 * [now - 14 days, now + 2 hours] are collected over the whole call and reported together, one line per datum, as
 * CloudWatch does.
 */
final class DatumConverter {
    static final int MAX_VALUES = 150;
    static final double MAX_MAGNITUDE = Math.scalb(1.0, 360);
    static final double MIN_MAGNITUDE = Math.scalb(1.0, -360);
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final Duration MAX_AHEAD = Duration.ofHours(2);

    private final String namespace;
    private final long nowMillis;
    private final List<String> timestampErrors = new ArrayList<>();

    DatumConverter(String namespace, long nowMillis) {
        this.namespace = namespace;
        this.nowMillis = nowMillis;
    }

    /** The datum, or empty when only its timestamp is wrong (reported by {@link #throwTimestampErrors}). */
    Optional<Datum> convert(String member, MetricDatum datum) {
        PutMetricData.checkValueForms(member, datum);
        Map<String, String> dimensions = MetricChecks.dimensionMap(datum.dimensions());
        boolean highResolution = storageResolution(member, datum.storageResolution());
        String unit = datum.unitAsString() == null ? "None" : datum.unitAsString();
        long timestamp = datum.timestamp() == null ? nowMillis : datum.timestamp().toEpochMilli();
        if (timestamp < nowMillis - MAX_AGE.toMillis() || timestamp > nowMillis + MAX_AHEAD.toMillis()) {
            timestampErrors.add("The parameter " + member + ".Timestamp must specify a time within the past two weeks.");
            return Optional.empty();
        }
        if (datum.statisticValues() != null) {
            return Optional.of(new Datum(namespace, datum.metricName(), dimensions, unit, timestamp, highResolution,
                    null, null, Optional.of(statisticSet(member + ".StatisticValues", datum.statisticValues()))));
        }
        if (datum.value() != null) {
            double value = checked(member + ".Value", datum.value());
            return Optional.of(Datum.value(namespace, datum.metricName(), dimensions, unit, timestamp, highResolution,
                    value));
        }
        double[][] valuesAndCounts = valuesAndCounts(member, datum);
        return Optional.of(new Datum(namespace, datum.metricName(), dimensions, unit, timestamp, highResolution,
                valuesAndCounts[0], valuesAndCounts[1], Optional.empty()));
    }

    private static double[][] valuesAndCounts(String member, MetricDatum datum) {
        List<Double> values = datum.values();
        if (values.size() > MAX_VALUES) {
            throw invalidValue("The collection " + member + ".Values must not have a size greater than "
                    + MAX_VALUES + ".");
        }
        boolean hasCounts = datum.hasCounts() && !datum.counts().isEmpty();
        if (hasCounts && datum.counts().size() != values.size()) {
            throw invalidValue("The parameters " + member + ".Values and " + member
                    + ".Counts must be of the same size.");
        }
        double[] array = new double[values.size()];
        double[] counts = hasCounts ? new double[values.size()] : null;
        for (int i = 0; i < array.length; i++) {
            array[i] = checked(member + ".Values.member." + (i + 1), values.get(i));
            if (counts != null) {
                counts[i] = count(member + ".Counts.member." + (i + 1), datum.counts().get(i));
            }
        }
        return new double[][] {array, counts};
    }

    private static Datum.StatisticSet statisticSet(String member, StatisticSet set) {
        double sampleCount = checked(member + ".SampleCount", set.sampleCount());
        double sum = checked(member + ".Sum", set.sum());
        double minimum = checked(member + ".Minimum", set.minimum());
        double maximum = checked(member + ".Maximum", set.maximum());
        if (sampleCount <= 0) {
            throw invalidValue("The parameter " + member + ".SampleCount must be greater than 0.");
        }
        if (maximum < minimum) {
            throw invalidValue("The parameter " + member + ".Maximum must be greater than " + member + ".Minimum.");
        }
        return new Datum.StatisticSet(sampleCount, sum, minimum, maximum);
    }

    private static double checked(String member, Double value) {
        if (value == null) {
            throw invalidValue("The value null for parameter " + member + " is invalid.");
        }
        double magnitude = Math.abs(value);
        if (Double.isNaN(value) || magnitude > MAX_MAGNITUDE || (magnitude > 0 && magnitude < MIN_MAGNITUDE)) {
            throw invalidValue("The value " + value + " for parameter " + member + " is invalid.");
        }
        return value;
    }

    private static double count(String member, Double count) {
        if (count == null || Double.isNaN(count) || Double.isInfinite(count) || count < 0) {
            throw invalidValue("The value " + count + " for parameter " + member + " is invalid.");
        }
        return count;
    }

    private static boolean storageResolution(String member, Integer resolution) {
        if (resolution == null || resolution == 60) {
            return false;
        }
        if (resolution == 1) {
            return true;
        }
        throw invalidValue("The value " + resolution + " for parameter " + member + ".StorageResolution is invalid.");
    }

    void throwTimestampErrors() {
        if (!timestampErrors.isEmpty()) {
            throw new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE, String.join("\n", timestampErrors));
        }
    }
}
