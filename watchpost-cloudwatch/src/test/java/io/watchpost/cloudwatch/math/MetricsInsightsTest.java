package io.watchpost.cloudwatch.math;

import static io.watchpost.cloudwatch.math.GetMetricDataTest.T0;
import static io.watchpost.cloudwatch.math.GetMetricDataTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * Metrics Insights queries in GetMetricData, on hand-made data: three web hosts (two in az a, one in b) and one
 * worker, one datapoint per host and minute. Values are computed by hand in each case.
 */
class MetricsInsightsTest {
    private static final MetricIdentity WEB1 = cpu(Map.of("Host", "web-1", "Zone", "a"));
    private static final MetricIdentity WEB2 = cpu(Map.of("Host", "web-2", "Zone", "a"));
    private static final MetricIdentity WEB3 = cpu(Map.of("Host", "web-3", "Zone", "b"));
    private static final MetricIdentity WORKER = cpu(Map.of("Host", "worker"));

    private final InMemoryMetricDataSource source = new InMemoryMetricDataSource();
    private final MetricDataService service = new MetricDataService(source, new MutableClock(
            T0.plus(Duration.ofHours(1))), new PageTokens("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

    MetricsInsightsTest() {
        for (int minute = 0; minute < 2; minute++) {
            source.put(Handlers.SCOPE, WEB1, T0.plusSeconds(60L * minute), 10 + minute);
            source.put(Handlers.SCOPE, WEB2, T0.plusSeconds(60L * minute), 20 + minute);
            source.put(Handlers.SCOPE, WEB3, T0.plusSeconds(60L * minute), 40 + minute);
            source.put(Handlers.SCOPE, WORKER, T0.plusSeconds(60L * minute), 100);
        }
        source.put(Handlers.SCOPE, new MetricIdentity("Other", "CPU", Map.of("Host", "web-1")), T0, 999);
    }

    private static MetricIdentity cpu(Map<String, String> dimensions) {
        return new MetricIdentity("App/Hosts", "CPU", dimensions);
    }

    private List<MetricDataResult> query(String expression) {
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(T0).endTime(T0.plusSeconds(120))
                .metricDataQueries(MetricDataQuery.builder().id("q").expression(expression).period(60).build())
                .scanBy("TimestampAscending").build();
        ApiHandler<Object, Object> handler = service.handlers().find(GetMetricDataRequest.class).orElseThrow();
        return ((GetMetricDataResponse) handler.handle(Handlers.context(), request)).metricDataResults();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT AVG(CPU) FROM "App/Hosts"                                         | 42.5, 43.25
            SELECT SUM(CPU) FROM "App/Hosts"                                         | 170.0, 173.0
            SELECT MAX(CPU) FROM "App/Hosts"                                         | 100.0, 100.0
            SELECT MIN(CPU) FROM "App/Hosts"                                         | 10.0, 11.0
            SELECT COUNT(CPU) FROM "App/Hosts"                                       | 4.0, 4.0
            select avg(CPU) from SCHEMA("App/Hosts", Host, Zone)                     | 23.333333333333332, 24.333333333333332
            SELECT AVG(CPU) FROM SCHEMA("App/Hosts", Host)                           | 100.0, 100.0
            SELECT SUM(CPU) FROM "App/Hosts" WHERE Zone = 'a'                        | 30.0, 32.0
            SELECT SUM(CPU) FROM "App/Hosts" WHERE Zone != 'a'                       | 140.0, 141.0
            SELECT SUM(CPU) FROM "App/Hosts" WHERE Zone = 'b' OR Host = 'worker'     | 140.0, 141.0
            SELECT SUM(CPU) FROM "App/Hosts" WHERE (Zone = 'a' OR Zone = 'b') AND Host != 'web-1' | 60.0, 62.0
            """)
    void ungroupedQueriesAggregateEveryMatchingSeries(String expression, String expected) {
        List<MetricDataResult> results = query(expression);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("q");
            assertThat(r.values()).containsExactlyElementsOf(java.util.Arrays.stream(expected.split(","))
                    .map(String::trim).map(Double::valueOf).toList());
        });
    }

    @Test
    void groupByGivesOneLabelledSeriesPerGroupAndOrderByRanksThem() {
        List<MetricDataResult> byZone = query("SELECT AVG(CPU) FROM \"App/Hosts\" GROUP BY Zone ORDER BY AVG() DESC");
        assertThat(byZone).extracting(MetricDataResult::label).containsExactly("b", "a");
        assertThat(byZone.get(1).values()).containsExactly(15.0, 16.0);

        List<MetricDataResult> top = query("SELECT MAX(CPU) FROM SCHEMA(\"App/Hosts\", Host, Zone) GROUP BY Host, Zone "
                + "ORDER BY MAX() DESC LIMIT 2");
        assertThat(top).extracting(MetricDataResult::label).containsExactly("web-3 b", "web-2 a");

        List<MetricDataResult> ascending = query("SELECT SUM(CPU) FROM \"App/Hosts\" GROUP BY Host ORDER BY SUM()");
        assertThat(ascending).extracting(MetricDataResult::label).containsExactly("web-1", "web-2", "web-3", "worker");
    }

    @Test
    void malformedQueriesAreValidationErrors() {
        assertValidation(() -> query("SELECT MEDIAN(CPU) FROM \"App/Hosts\""), "Error in expression q: "
                + "Unsupported function 'MEDIAN'. Use one of AVG, COUNT, MAX, MIN, SUM at position 7\n");
        assertValidation(() -> query("SELECT AVG(CPU) FROM \"App/Hosts\" WHERE Zone = a"), "Error in expression q: "
                + "Dimension values are quoted with single quotes: 'a' at position 46\n");
        assertValidation(() -> query("SELECT AVG(CPU) FROM \"App/Hosts\" ORDER BY SUM() DESC"), "Error in "
                + "expression q: ORDER BY must use the function the query selects (AVG) at position 42\n");
        assertValidation(() -> query("SELECT AVG(CPU) FROM \"App/Hosts\" LIMIT 0"), "Error in expression q: "
                + "LIMIT must be a whole number from 1 to 500 at position 39\n");
    }
}
