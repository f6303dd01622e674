package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A GetMetricData request after validation: queries in request order, the range, paging and label options. */
record ValidatedRequest(List<QuerySpec> queries, Instant start, Instant end, boolean ascending, int maxDatapoints,
        ZoneOffset timezone) {
    ValidatedRequest {
        queries = List.copyOf(queries);
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(timezone, "timezone is null");
    }

    boolean hasExpression() {
        return queries.stream().anyMatch(q -> q instanceof QuerySpec.ExpressionQuery);
    }
}
