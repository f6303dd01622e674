package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The engine's entry point for other packages (metric-math alarms): validates and evaluates a set of
 * {@code MetricDataQuery} exactly as GetMetricData does and returns the one series with {@code ReturnData} true.
 * Stateless; thread-safe. Validation failures surface as the same {@code AwsException} GetMetricData answers.
 */
public final class MetricMath {
    private final MetricDataSource source;

    public MetricMath(MetricDataSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    /** Checks the queries as GetMetricData would (ids, stats, periods, expression syntax) without reading data. */
    public static void validate(List<MetricDataQuery> queries) {
        ValidatedRequest validated = RequestValidator.validate(request(queries, Instant.EPOCH, Instant.ofEpochSecond(60)));
        ExpressionPlanner.plan(validated.queries());
    }

    /**
     * The values of the first query with {@code ReturnData} true over {@code [start, end)}, keyed by period start,
     * ascending; empty if it returned nothing.
     */
    public NavigableMap<Instant, Double> evaluate(Scope scope, List<MetricDataQuery> queries, Instant start,
            Instant end, Instant now) {
        ValidatedRequest validated = RequestValidator.validate(request(queries, start, end));
        List<ExpressionPlanner.Planned> plan = ExpressionPlanner.plan(validated.queries());
        QueryRunner.Outcome outcome = new QueryRunner(source).run(scope, validated, plan, now);
        NavigableMap<Instant, Double> values = new TreeMap<>();
        if (!outcome.results().isEmpty()) {
            ResultSeries first = outcome.results().get(0);
            for (int i = 0; i < first.size(); i++) {
                values.put(Instant.ofEpochSecond(first.times()[i]), first.values()[i]);
            }
        }
        return values;
    }

    private static GetMetricDataRequest request(List<MetricDataQuery> queries, Instant start, Instant end) {
        return GetMetricDataRequest.builder().metricDataQueries(queries).startTime(start).endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
    }
}
