package io.watchpost.cloudwatch.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/** One metric series: namespace, metric name and its dimensions (ordered by name, as CloudWatch lists them). */
public record MetricIdentity(String namespace, String metricName, Map<String, String> dimensions) {
    public MetricIdentity {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(metricName, "metricName is null");
        dimensions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }
}
