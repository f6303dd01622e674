package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Executes a validated, planned request: reads every MetricStat query, evaluates the expressions in dependency
 * order, and turns the queries that return data into {@link ResultSeries} in request order.
 */
final class QueryRunner {
    static final MessageData ARITHMETIC_ERROR = MessageData.builder().code("ArithmeticError")
            .value("One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)")
            .build();
    static final MessageData MAX_METRICS_EXCEEDED = MessageData.builder().code("MaxMetricsExceeded")
            .value("Maximum number of allowed metrics exceeded").build();

    /** The results and request-level messages. */
    record Outcome(List<ResultSeries> results, List<MessageData> messages) {}

    private final MetricDataSource source;

    QueryRunner(MetricDataSource source) {
        this.source = source;
    }

    Outcome run(Scope scope, ValidatedRequest request, List<ExpressionPlanner.Planned> plan, Instant now) {
        int basePeriod = request.queries().stream().filter(q -> q instanceof QuerySpec.MetricQuery)
                .mapToInt(q -> ((QuerySpec.MetricQuery) q).period()).min().orElse(60);
        SeriesReader reader = new SeriesReader(source, scope, now);
        SearchExecutor search = new SearchExecutor(source, scope, reader, request.start(), request.end());
        long start = PeriodRules.alignedStart(request.start(), basePeriod, now);
        EvalContext ctx = new EvalContext(start, Math.max(start + 1, request.end().getEpochSecond()), basePeriod, search);
        Labels.Setting setting = new Labels.Setting(scope.region(), scope.accountId(), request.timezone(), now);
        ResultBuilder builder = new ResultBuilder(setting, request.ascending());
        Map<String, List<ResultSeries>> byId = new HashMap<>();
        for (QuerySpec query : request.queries()) {
            if (query instanceof QuerySpec.MetricQuery metric) {
                byId.put(metric.id(), List.of(readMetric(scope, metric, reader, request, ctx, builder)));
            }
        }
        for (ExpressionPlanner.Planned planned : plan) {
            QuerySpec.ExpressionQuery query = planned.query();
            ctx.usePeriod(query.period().orElse(basePeriod));
            Value value = evaluate(planned, ctx);
            ctx.putExpression(query.id(), value);
            List<MessageData> messages = ctx.takeDroppedNonFinite() ? List.of(ARITHMETIC_ERROR) : List.of();
            byId.put(query.id(), builder.expression(query, value, messages));
        }
        List<ResultSeries> results = new ArrayList<>();
        for (QuerySpec query : request.queries()) {
            if (query.returnData()) {
                results.addAll(byId.getOrDefault(query.id(), List.of()));
            }
        }
        return new Outcome(results, search.truncated() ? List.of(MAX_METRICS_EXCEEDED) : List.of());
    }

    private static Value evaluate(ExpressionPlanner.Planned planned, EvalContext ctx) {
        try {
            return new Evaluator(ctx).eval(planned.root());
        } catch (MathException e) {
            throw new AwsException(AwsError.CW_VALIDATION_ERROR,
                    ExpressionPlanner.error(planned.query().id(), e) + "\n");
        }
    }

    private ResultSeries readMetric(Scope scope, QuerySpec.MetricQuery query, SeriesReader reader,
            ValidatedRequest request, EvalContext ctx, ResultBuilder builder) {
        String defaultLabel = query.metric().metricName();
        SeriesInfo info = new SeriesInfo(query.label().orElse(defaultLabel), Optional.of(query.metric()),
                query.stat(), query.period());
        if (query.accountId().isPresent() && !query.accountId().get().equals(scope.accountId())) {
            ctx.putMetric(query.id(), TimeSeries.empty(info));
            return builder.failed(query, defaultLabel, StatusCode.FORBIDDEN, MessageData.builder().code("Forbidden")
                    .value("Cross-account data is not available for account " + query.accountId().get()).build());
        }
        TimeSeries series;
        try {
            series = reader.read(query.metric(), query.stat(), query.unit(), request.start(), request.end(),
                    query.period(), info.label());
        } catch (AwsException e) {
            throw e;
        } catch (RuntimeException e) {
            ctx.putMetric(query.id(), TimeSeries.empty(info));
            return builder.failed(query, defaultLabel, StatusCode.INTERNAL_ERROR, MessageData.builder()
                    .code("InternalError").value("Failed to read the metric data").build());
        }
        ctx.putMetric(query.id(), series);
        return builder.metric(query, defaultLabel, series);
    }
}
