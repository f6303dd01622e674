package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.util.Optional;
import java.util.OptionalInt;

/** One validated {@code MetricDataQuery}; {@code member} is its 1-based position in the request. */
sealed interface QuerySpec {
    int member();

    String id();

    Optional<String> label();

    boolean returnData();

    record MetricQuery(int member, String id, Optional<String> label, boolean returnData, MetricIdentity metric,
            String stat, int period, Optional<String> unit, Optional<String> accountId) implements QuerySpec {
        public MetricQuery {
            requireNonNull(id, "id is null");
            requireNonNull(label, "label is null");
            requireNonNull(metric, "metric is null");
            requireNonNull(stat, "stat is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(accountId, "accountId is null");
        }
    }

    record ExpressionQuery(int member, String id, Optional<String> label, boolean returnData, String expression,
            OptionalInt period) implements QuerySpec {
        public ExpressionQuery {
            requireNonNull(id, "id is null");
            requireNonNull(label, "label is null");
            requireNonNull(expression, "expression is null");
            requireNonNull(period, "period is null");
        }
    }
}
