package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.core.AwsError;
import io.watchpost.core.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

class GetMetricStatisticsTest {
    static final Instant NOW = MetricsHarness.START;

    @TempDir
    Path dir;

    private MetricsHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new MetricsHarness(dir);
        // Minute 1 (10 minutes ago): 1..10 ms; minute 2: 100 ms twice; a Count datum in minute 1.
        Instant minute1 = NOW.minusSeconds(600);
        put(MetricDatum.builder().metricName("Latency").unit(StandardUnit.MILLISECONDS).timestamp(minute1)
                .values(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0).build());
        put(MetricDatum.builder().metricName("Latency").unit(StandardUnit.MILLISECONDS).timestamp(minute1.plusSeconds(60))
                .value(100.0).build(), MetricDatum.builder().metricName("Latency").unit(StandardUnit.MILLISECONDS)
                .timestamp(minute1.plusSeconds(61)).value(100.0).build());
        put(MetricDatum.builder().metricName("Latency").unit(StandardUnit.COUNT).timestamp(minute1).value(7.0).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void put(MetricDatum... data) {
        harness.call(PutMetricDataRequest.builder().namespace("App").metricData(data).build());
    }

    private static GetMetricStatisticsRequest.Builder request() {
        return GetMetricStatisticsRequest.builder().namespace("App").metricName("Latency")
                .startTime(NOW.minusSeconds(600)).endTime(NOW).period(60);
    }

    @Test
    void basicStatisticsPerPeriodAndUnit() {
        GetMetricStatisticsResponse response = harness.call(request().unit(StandardUnit.MILLISECONDS)
                .statisticsWithStrings("SampleCount", "Average", "Sum", "Minimum", "Maximum").build());
        assertThat(response.label()).isEqualTo("Latency");
        List<Datapoint> points = response.datapoints();
        assertThat(points).hasSize(2);
        Datapoint first = points.getFirst();
        assertThat(first.timestamp()).isEqualTo(NOW.minusSeconds(600));
        assertThat(first.sampleCount()).isEqualTo(10);
        assertThat(first.sum()).isEqualTo(55);
        assertThat(first.average()).isEqualTo(5.5);
        assertThat(first.minimum()).isEqualTo(1);
        assertThat(first.maximum()).isEqualTo(10);
        assertThat(first.unitAsString()).isEqualTo("Milliseconds");
        assertThat(points.get(1).sum()).isEqualTo(200);

        GetMetricStatisticsResponse all = harness.call(request().statisticsWithStrings("Sum").build());
        assertThat(all.datapoints()).extracting(Datapoint::unitAsString)
                .containsExactlyInAnyOrder("Milliseconds", "Count", "Milliseconds");
    }

    @Test
    void extendedStatistics() {
        GetMetricStatisticsResponse response = harness.call(request().period(600).unit(StandardUnit.MILLISECONDS)
                .extendedStatistics("p50", "tm(10%:90%)", "PR(:50)", "tc90").build());
        Map<String, Double> values = response.datapoints().getFirst().extendedStatistics();
        // 12 samples: 1..10 and 100 twice.
        assertThat(values.get("p50")).isCloseTo(6, within(0.06));
        assertThat(values.get("PR(:50)")).isCloseTo(100.0 * 10 / 12, within(1e-9));
        assertThat(values.get("tc90")).isCloseTo(10.8, within(1e-9));
        assertThat(values).containsKey("tm(10%:90%)");
    }

    @Test
    void percentilesAreLeftOutForStatisticSets() {
        put(MetricDatum.builder().metricName("Sets").timestamp(NOW.minusSeconds(60)).statisticValues(
                StatisticSet.builder().sampleCount(3.0).sum(6.0).minimum(1.0).maximum(3.0).build()).build());
        GetMetricStatisticsResponse response = harness.call(request().metricName("Sets").extendedStatistics("p50")
                .build());
        assertThat(response.datapoints()).hasSize(1);
        assertThat(response.datapoints().getFirst().extendedStatistics()).isEmpty();
    }

    @Test
    void statisticRules() {
        assertAwsError(() -> harness.call(request().build()), AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "At least one of the parameters Statistics and ExtendedStatistics must be specified.");
        assertAwsError(() -> harness.call(request().statisticsWithStrings("Sum").extendedStatistics("p99").build()),
                AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
        assertAwsError(() -> harness.call(request().extendedStatistics("p101").build()),
                AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value p101 for parameter ExtendedStatistics.member.1 is not supported.");
        assertAwsError(() -> harness.call(request().period(45).statisticsWithStrings("Sum").build()),
                AwsError.CW_INVALID_PARAMETER_VALUE,
                "The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60.");
        assertAwsError(() -> harness.call(request().endTime(NOW.minusSeconds(600)).statisticsWithStrings("Sum")
                .build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The parameter StartTime must not equal parameter EndTime.");
    }

    @Test
    void at_most_1440_datapoints() {
        assertAwsError(() -> harness.call(request().startTime(NOW.minus(Duration.ofDays(1))).period(1)
                        .statisticsWithStrings("Sum").build()), AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the "
                        + "datapoints requested by increasing Period, or decreasing the time range.");
        GetMetricStatisticsResponse day = harness.call(request().startTime(NOW.minus(Duration.ofDays(1))).period(60)
                .statisticsWithStrings("Sum").build());
        assertThat(day.datapoints()).hasSize(3);
    }

    @Test
    void periodsFollowTheAgeOfTheData() {
        harness.clock.advance(Duration.ofDays(16));
        harness.scheduler.runDue();
        GetMetricStatisticsResponse minutes = harness.call(request().startTime(NOW.minus(Duration.ofHours(1)))
                .endTime(NOW.plusSeconds(3600)).period(60).statisticsWithStrings("Sum").build());
        assertThat(minutes.datapoints()).isEmpty(); // 1-minute data is kept 15 days
        GetMetricStatisticsResponse fives = harness.call(request().startTime(NOW.minus(Duration.ofHours(1)))
                .endTime(NOW.plusSeconds(3600)).period(300).unit(StandardUnit.MILLISECONDS)
                .statisticsWithStrings("Sum").build());
        assertThat(fives.datapoints()).extracting(Datapoint::sum).containsExactly(255.0);
    }

    @Test
    void dataSourceServesTheMathEngine() {
        MetricDataSource source = harness.service().dataSource();
        Scope scope = new Scope(MetricsHarness.ACCOUNT, MetricsHarness.REGION);
        MetricIdentity latency = new MetricIdentity("App", "Latency", Map.of());
        var sums = source.statistic(scope, latency, "Sum", Optional.empty(), NOW.minusSeconds(600), NOW, 60);
        assertThat(sums).containsExactly(Map.entry(NOW.minusSeconds(600), 62.0), Map.entry(NOW.minusSeconds(540), 200.0));
        assertThat(source.statistic(scope, latency, "Maximum", Optional.of("Count"), NOW.minusSeconds(600), NOW, 60))
                .containsExactly(Map.entry(NOW.minusSeconds(600), 7.0));
        assertThat(source.metrics(scope)).containsExactly(latency);
        assertThat(TimeSeriesStore.class).isNotNull();
    }
}
