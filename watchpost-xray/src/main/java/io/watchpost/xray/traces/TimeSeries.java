package io.watchpost.xray.traces;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.xray.model.GetTimeSeriesServiceStatisticsRequest;
import software.amazon.awssdk.services.xray.model.GetTimeSeriesServiceStatisticsResponse;
import software.amazon.awssdk.services.xray.model.TimeSeriesServiceStatistics;

/**
 * GetTimeSeriesServiceStatistics: the traces that started in {@code [StartTime, EndTime)} (of the group asked for)
 * are bucketed by {@code Period} seconds from {@code StartTime}; each bucket's traces form a service graph whose
 * selected entities' statistics are merged. Buckets without traces are left out. {@code ForecastStatistics} is
 * accepted and ignored. One page: {@code NextToken} is never returned.
 */
final class TimeSeries {
    static final int DEFAULT_PERIOD = 60;

    private final TraceReads reads;

    TimeSeries(TraceReads reads) {
        this.reads = reads;
    }

    ApiHandlers handlers() {
        return ApiHandlers.builder()
                .on(GetTimeSeriesServiceStatisticsRequest.class, this::getTimeSeriesServiceStatistics)
                .build();
    }

    GetTimeSeriesServiceStatisticsResponse getTimeSeriesServiceStatistics(RequestContext context,
            GetTimeSeriesServiceStatisticsRequest request) {
        TimeRange range = TimeRange.check(request.startTime(), request.endTime());
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkString("groupName", request.groupName(), 1, 32, null);
        violations.checkString("groupARN", request.groupARN(), 1, 400, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        EntitySelector selector = EntitySelector.parse(request.entitySelectorExpression());
        int period = period(request.period());
        Scope scope = context.scope();
        long startMillis = range.start().toEpochMilli();
        long periodMillis = period * 1000L;
        Map<Long, GraphBuilder> buckets = new TreeMap<>();
        reads.forEachTrace(scope, range, reads.group(scope, request.groupName(), request.groupARN()),
                (start, segments) -> buckets.computeIfAbsent(
                        startMillis + Math.floorDiv(start - startMillis, periodMillis) * periodMillis,
                        bucket -> new GraphBuilder(scope.accountId())).addTrace(segments));
        List<TimeSeriesServiceStatistics> out = new ArrayList<>(buckets.size());
        buckets.forEach((bucket, graph) -> statistics(bucket, graph, selector, out));
        return GetTimeSeriesServiceStatisticsResponse.builder().timeSeriesServiceStatistics(out)
                .containsOldGroupVersions(false).build();
    }

    private static void statistics(long bucket, GraphBuilder graph, EntitySelector selector,
            List<TimeSeriesServiceStatistics> out) {
        Stats stats = switch (selector) {
            case EntitySelector.ClientEdges all -> graph.clientEdges();
            case EntitySelector.ServiceNamed service -> graph.nodesMatching(service.node());
            case EntitySelector.EdgeBetween edge -> graph.edgesMatching(edge.source(), edge.destination());
        };
        if (stats.total() == 0) {
            return;
        }
        TimeSeriesServiceStatistics.Builder entry = TimeSeriesServiceStatistics.builder()
                .timestamp(Instant.ofEpochMilli(bucket)).responseTimeHistogram(stats.histogram());
        if (selector instanceof EntitySelector.ServiceNamed) {
            entry.serviceSummaryStatistics(stats.serviceStatistics());
        } else {
            entry.edgeSummaryStatistics(stats.edgeStatistics());
        }
        out.add(entry.build());
    }

    /** Seconds; 60 when absent, else a positive multiple of 60 (X-Ray aggregates by the minute). */
    private static int period(Integer period) {
        if (period == null) {
            return DEFAULT_PERIOD;
        }
        if (period < 60 || period % 60 != 0) {
            throw TraceService.invalid("Period must be a positive multiple of 60 seconds");
        }
        return period;
    }
}
