package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** Reads one metric statistic from the store into the engine's primitive form. */
final class SeriesReader {
    private final MetricDataSource source;
    private final Scope scope;
    private final Instant now;

    SeriesReader(MetricDataSource source, Scope scope, Instant now) {
        this.source = source;
        this.scope = scope;
        this.now = now;
    }

    TimeSeries read(MetricIdentity metric, String stat, Optional<String> unit, Instant start, Instant end, int period,
            String label) {
        SeriesInfo info = new SeriesInfo(label, Optional.of(metric), stat, period);
        if (!PeriodRules.servesData(start, period, now)) {
            return TimeSeries.empty(info);
        }
        Instant aligned = Instant.ofEpochSecond(PeriodRules.alignedStart(start, period, now));
        NavigableMap<Instant, Double> points = source.statistic(scope, metric, stat, unit, aligned, end, period);
        long[] times = new long[points.size()];
        double[] values = new double[points.size()];
        int k = 0;
        for (Map.Entry<Instant, Double> point : points.entrySet()) {
            Double value = point.getValue();
            if (value != null && Double.isFinite(value)) {
                times[k] = point.getKey().getEpochSecond();
                values[k++] = value;
            }
        }
        return TimeSeries.of(times, values, k, info);
    }
}
