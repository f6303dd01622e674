package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One CloudWatch Metrics Insights query: {@code SELECT FUNCTION(metric) FROM namespace | SCHEMA(namespace, keys...)
 * [WHERE conditions] [GROUP BY keys] [ORDER BY FUNCTION() [ASC | DESC]] [LIMIT n]}. {@code schemaKeys} is present
 * for SCHEMA(...): the series must have exactly those dimension keys. {@code descending} is present when the query
 * orders its groups.
 */
record InsightsQuery(String function, String metricName, String namespace, Optional<List<String>> schemaKeys,
        Optional<Condition> where, List<String> groupBy, Optional<Boolean> descending, OptionalInt limit) {
    static final List<String> FUNCTIONS = List.of("AVG", "COUNT", "MAX", "MIN", "SUM");

    InsightsQuery {
        requireNonNull(function, "function is null");
        requireNonNull(metricName, "metricName is null");
        requireNonNull(namespace, "namespace is null");
        schemaKeys = schemaKeys.map(List::copyOf);
        groupBy = List.copyOf(groupBy);
    }

    /** A WHERE condition on dimension values. */
    sealed interface Condition {
        boolean test(MetricIdentity metric);

        /** {@code key = 'value'} or {@code key != 'value'}; a series without the key is unequal to every value. */
        record Compare(String key, boolean equal, String value) implements Condition {
            @Override
            public boolean test(MetricIdentity metric) {
                return value.equals(metric.dimensions().get(key)) == equal;
            }
        }

        record And(Condition left, Condition right) implements Condition {
            @Override
            public boolean test(MetricIdentity metric) {
                return left.test(metric) && right.test(metric);
            }
        }

        record Or(Condition left, Condition right) implements Condition {
            @Override
            public boolean test(MetricIdentity metric) {
                return left.test(metric) || right.test(metric);
            }
        }
    }

    /** Whether a series is one the query reads: namespace, metric name, schema keys and WHERE. */
    boolean matches(MetricIdentity metric) {
        return metric.namespace().equals(namespace) && metric.metricName().equals(metricName)
                && schemaKeys.map(keys -> metric.dimensions().keySet().equals(new java.util.HashSet<>(keys)))
                        .orElse(true)
                && where.map(c -> c.test(metric)).orElse(true);
    }
}
