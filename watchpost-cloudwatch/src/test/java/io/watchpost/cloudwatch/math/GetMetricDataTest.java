package io.watchpost.cloudwatch.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

class GetMetricDataTest {
    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final MetricIdentity CPU = new MetricIdentity("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1"));
    static final MetricIdentity NET = new MetricIdentity("AWS/EC2", "NetworkIn", Map.of("InstanceId", "i-1"));

    final InMemoryMetricDataSource source = new InMemoryMetricDataSource();
    final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
    final MetricDataService service = new MetricDataService(source, clock,
            new PageTokens("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

    GetMetricDataTest() {
        for (int i = 0; i < 4; i++) {
            source.put(Handlers.SCOPE, CPU, T0.plusSeconds(60L * i), 10 + i, "Percent");
            source.put(Handlers.SCOPE, NET, T0.plusSeconds(60L * i), 100 * (i + 1), "Bytes");
        }
    }

    static MetricDataQuery stat(String id, MetricIdentity metric, String stat, int period) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.stat(stat).period(period).metric(m -> m
                .namespace(metric.namespace()).metricName(metric.metricName())
                .dimensions(metric.dimensions().entrySet().stream()
                        .map(d -> software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                                .name(d.getKey()).value(d.getValue()).build()).toList()))).build();
    }

    static MetricDataQuery expr(String id, String expression) {
        return MetricDataQuery.builder().id(id).expression(expression).build();
    }

    GetMetricDataResponse call(UnaryOperator<GetMetricDataRequest.Builder> customize, MetricDataQuery... queries) {
        GetMetricDataRequest request = customize.apply(GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(T0).endTime(T0.plusSeconds(240))).build();
        ApiHandler<Object, Object> handler = service.handlers().find(GetMetricDataRequest.class).orElseThrow();
        return (GetMetricDataResponse) handler.handle(Handlers.context(), request);
    }

    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(AwsError.CW_VALIDATION_ERROR);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void metricStatDefaultsToNewestFirstWithTheMetricNameAsLabel() {
        GetMetricDataResponse response = call(b -> b, stat("m1", CPU, "Average", 60));
        MetricDataResult result = response.metricDataResults().getFirst();
        assertThat(result.id()).isEqualTo("m1");
        assertThat(result.label()).isEqualTo("CPUUtilization");
        assertThat(result.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(result.values()).containsExactly(13.0, 12.0, 11.0, 10.0);
        assertThat(result.timestamps()).first().isEqualTo(T0.plusSeconds(180));
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void ascendingScanReturnDataAndLabelTemplates() {
        MetricDataQuery hidden = stat("m2", NET, "Sum", 120).toBuilder().returnData(false).build();
        MetricDataQuery labelled = stat("m1", CPU, "Maximum", 120).toBuilder()
                .label("${PROP('Dim.InstanceId')} ${PROP('Stat')} max ${MAX} (${LABEL})").build();
        GetMetricDataResponse response = call(b -> b.scanBy("TimestampAscending"), labelled, hidden,
                expr("e1", "m2 / PERIOD(m2)"));
        assertThat(response.metricDataResults()).extracting(MetricDataResult::id).containsExactly("m1", "e1");
        assertThat(response.metricDataResults().get(0).label()).isEqualTo("i-1 Maximum max 13 (CPUUtilization)");
        assertThat(response.metricDataResults().get(0).values()).containsExactly(11.0, 13.0);
        assertThat(response.metricDataResults().get(1).label()).isEqualTo("e1");
        assertThat(response.metricDataResults().get(1).values()).containsExactly(300.0 / 120, 700.0 / 120);
    }

    @Test
    void unitFiltersTheDatapoints() {
        MetricDataQuery bytes = stat("m1", CPU, "Sum", 60).toBuilder()
                .metricStat(stat("m1", CPU, "Sum", 60).metricStat().toBuilder().unit("Bytes").build()).build();
        assertThat(call(b -> b, bytes).metricDataResults().getFirst().values()).isEmpty();
    }

    @Test
    void pagesByMaxDatapointsWithNextToken() {
        List<Double> seen = new ArrayList<>();
        List<StatusCode> statuses = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetMetricDataResponse page = call(b -> b.maxDatapoints(3).nextToken(next),
                    stat("m1", CPU, "Average", 60), stat("m2", NET, "Average", 60));
            page.metricDataResults().forEach(r -> {
                seen.addAll(r.values());
                statuses.add(r.statusCode());
            });
            assertThat(page.metricDataResults().stream().mapToInt(r -> r.values().size()).sum()).isLessThanOrEqualTo(3);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(13.0, 12.0, 11.0, 10.0, 400.0, 300.0, 200.0, 100.0);
        assertThat(statuses).containsExactly(StatusCode.PARTIAL_DATA, StatusCode.COMPLETE, StatusCode.PARTIAL_DATA,
                StatusCode.COMPLETE);
    }

    @Test
    void expressionsAreCutWithoutNextToken() {
        GetMetricDataResponse response = call(b -> b.maxDatapoints(2), stat("m1", CPU, "Average", 60),
                expr("e1", "m1 * 2"));
        assertThat(response.nextToken()).isNull();
        assertThat(response.metricDataResults()).extracting(MetricDataResult::statusCode)
                .containsExactly(StatusCode.PARTIAL_DATA, StatusCode.PARTIAL_DATA);
        assertThat(response.metricDataResults().get(1).values()).isEmpty();
    }

    @Test
    void aTokenFromAnotherRequestIsRejected() {
        String token = call(b -> b.maxDatapoints(1), stat("m1", CPU, "Average", 60)).nextToken();
        assertThatThrownBy(() -> call(b -> b.maxDatapoints(2).nextToken(token), stat("m1", CPU, "Average", 60)))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.CW_INVALID_NEXT_TOKEN));
        assertThatThrownBy(() -> call(b -> b.nextToken("garbage"), stat("m1", CPU, "Average", 60)))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.CW_INVALID_NEXT_TOKEN));
    }

    @Test
    void arithmeticErrorsAreReportedOnTheResult() {
        MetricDataResult result = call(b -> b, stat("m1", CPU, "Average", 60), expr("e1", "m1 / (m1 - 11)"))
                .metricDataResults().get(1);
        assertThat(result.values()).hasSize(3);
        assertThat(result.messages()).extracting(MessageData::code).containsExactly("ArithmeticError");
    }

    @Test
    void otherAccountsAreForbiddenAndStoreFailuresAreInternalErrors() {
        MetricDataQuery other = stat("m1", CPU, "Average", 60).toBuilder().accountId("111122223333").build();
        MetricDataQuery unsupported = stat("m2", CPU, "p99", 60);
        List<MetricDataResult> results = call(b -> b, other, unsupported).metricDataResults();
        assertThat(results).extracting(MetricDataResult::statusCode)
                .containsExactly(StatusCode.FORBIDDEN, StatusCode.INTERNAL_ERROR);
        assertThat(results).allSatisfy(r -> assertThat(r.values()).isEmpty());
    }

    @Test
    void highResolutionPeriodsOlderThanThreeHoursReturnNothing() {
        clock.advance(Duration.ofHours(4));
        assertThat(call(b -> b, stat("m1", CPU, "Average", 10)).metricDataResults().getFirst().values()).isEmpty();
        assertThat(call(b -> b, stat("m1", CPU, "Average", 60)).metricDataResults().getFirst().values()).hasSize(4);
    }

    @Test
    void timeLabelsUseTheRequestedTimezone() {
        MetricDataQuery q = stat("m1", CPU, "Average", 60).toBuilder().label("from ${FIRST_TIME} for ${FIRST_LAST_TIME_RANGE}").build();
        GetMetricDataResponse response = call(b -> b.labelOptions(o -> o.timezone("+0130")), q);
        assertThat(response.metricDataResults().getFirst().label()).isEqualTo("from 2025-03-03 11:30:00 for 3m");
    }

    @Test
    void searchIsCappedAtFiveHundredSeries() {
        for (int i = 0; i < 501; i++) {
            source.put(Handlers.SCOPE, new MetricIdentity("Many", "M", Map.of("N", String.format("%04d", i))), T0, i);
        }
        GetMetricDataResponse response = call(b -> b, expr("e1", "SEARCH('{Many,N}', 'Sum', 60)"));
        assertThat(response.metricDataResults()).hasSize(500);
        assertThat(response.messages()).extracting(MessageData::code).containsExactly("MaxMetricsExceeded");
    }

    @Test
    void manyLongSeriesAreSummedCorrectly() {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            MetricIdentity metric = new MetricIdentity("Load", "Series" + s, Map.of());
            for (int i = 0; i < 1440; i++) {
                source.put(Handlers.SCOPE, metric, T0.minus(Duration.ofDays(1)).plusSeconds(60L * i), s);
            }
            queries.add(stat("m" + s, metric, "Sum", 60).toBuilder().returnData(false).build());
        }
        queries.add(expr("e1", "SUM(METRICS()) + AVG(RATE(METRICS()) * 0 + 1) * 0"));
        GetMetricDataRequest.Builder request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(T0.minus(Duration.ofDays(1))).endTime(T0);
        ApiHandler<Object, Object> handler = service.handlers().find(GetMetricDataRequest.class).orElseThrow();
        GetMetricDataResponse response = (GetMetricDataResponse) handler.handle(Handlers.context(), request.build());
        MetricDataResult sum = response.metricDataResults().getFirst();
        assertThat(sum.values()).hasSize(1440).allSatisfy(v -> assertThat(v).isEqualTo(4950.0));
    }
}
