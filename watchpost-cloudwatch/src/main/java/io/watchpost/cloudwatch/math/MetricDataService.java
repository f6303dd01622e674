package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

/**
 * CloudWatch {@code GetMetricData} ({@code monitoring}): MetricStat queries read through {@link MetricDataSource},
 * metric math expressions compiled and evaluated by this package's engine, dynamic labels, {@code ScanBy},
 * {@code MaxDatapoints} paging and per-result status. Stateless apart from its collaborators; thread-safe.
 * Shares the {@code monitoring} prefix with the other CloudWatch service objects, whose handlers the server merges.
 */
public final class MetricDataService implements WatchpostService {
    private final QueryRunner runner;
    private final Clock clock;
    private final Pager pager;
    private final ApiHandlers handlers;

    public MetricDataService(MetricDataSource source, Clock clock, PageTokens pageTokens) {
        this.runner = new QueryRunner(requireNonNull(source, "source is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.pager = new Pager(requireNonNull(pageTokens, "pageTokens is null"));
        this.handlers = ApiHandlers.builder().on(GetMetricDataRequest.class, this::getMetricData).build();
    }

    @Override
    public String endpointPrefix() {
        return "monitoring";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    GetMetricDataResponse getMetricData(RequestContext context, GetMetricDataRequest request) {
        ValidatedRequest validated = RequestValidator.validate(request);
        List<ExpressionPlanner.Planned> plan = ExpressionPlanner.plan(validated.queries());
        Instant now = clock.instant();
        QueryRunner.Outcome outcome = runner.run(context.scope(), validated, plan, now);
        String fingerprint = Integer.toHexString(request.toBuilder().nextToken(null).build().hashCode());
        Pager.Cursor cursor = request.nextToken() == null ? new Pager.Cursor(0, 0)
                : pager.decode(request.nextToken(), fingerprint, outcome.results());
        return pager.page(outcome.results(), outcome.messages(), cursor, validated.maxDatapoints(),
                !validated.hasExpression(), fingerprint);
    }
}
