package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real {@link MetricDataSource} over maps: raw datapoints per scope and metric, aggregated on read into periods
 * aligned at {@code start}, with the five basic statistics and unit filtering. Test-only.
 */
final class InMemoryMetricDataSource implements MetricDataSource {
    record Point(Instant timestamp, double value, String unit) {}

    private final Map<Scope, Map<MetricIdentity, List<Point>>> data = new ConcurrentHashMap<>();

    void put(Scope scope, MetricIdentity metric, Instant timestamp, double value) {
        put(scope, metric, timestamp, value, "None");
    }

    synchronized void put(Scope scope, MetricIdentity metric, Instant timestamp, double value, String unit) {
        data.computeIfAbsent(scope, s -> new LinkedHashMap<>())
                .computeIfAbsent(metric, m -> new ArrayList<>())
                .add(new Point(timestamp, value, unit));
    }

    @Override
    public synchronized NavigableMap<Instant, Double> statistic(Scope scope, MetricIdentity metric, String statistic,
            Optional<String> unit, Instant start, Instant end, int periodSeconds) {
        Map<Long, List<Double>> buckets = new TreeMap<>();
        for (Point p : data.getOrDefault(scope, Map.of()).getOrDefault(metric, List.of())) {
            if (p.timestamp().isBefore(start) || !p.timestamp().isBefore(end)
                    || (unit.isPresent() && !unit.get().equals(p.unit()))) {
                continue;
            }
            long bucket = (p.timestamp().getEpochSecond() - start.getEpochSecond()) / periodSeconds;
            buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(p.value());
        }
        NavigableMap<Instant, Double> out = new TreeMap<>();
        buckets.forEach((bucket, values) -> out.put(start.plusSeconds(bucket * periodSeconds), of(statistic, values)));
        return out;
    }

    private static double of(String statistic, List<Double> values) {
        return switch (statistic) {
            case "Sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "Average" -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case "SampleCount" -> values.size();
            default -> throw new UnsupportedOperationException("statistic " + statistic + " is not in the test source");
        };
    }

    @Override
    public synchronized List<MetricIdentity> metrics(Scope scope) {
        return List.copyOf(data.getOrDefault(scope, Map.of()).keySet());
    }
}
