package io.watchpost.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One datapoint for {@link MetricSink}: a value of one series at one instant, with an optional unit. */
public record MetricDatum(String namespace, String metricName, Map<String, String> dimensions, Instant timestamp,
        double value, Optional<String> unit) {
    public MetricDatum {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(metricName, "metricName is null");
        dimensions = Map.copyOf(dimensions);
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(unit, "unit is null");
    }
}
