package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

class PutMetricDataTest {
    @TempDir
    Path dir;

    private MetricsHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new MetricsHarness(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void put(MetricDatum... data) {
        harness.call(PutMetricDataRequest.builder().namespace("App").metricData(data).build());
    }

    private static MetricDatum.Builder datum() {
        return MetricDatum.builder().metricName("Latency").timestamp(MetricsHarness.START.minusSeconds(60));
    }

    private GetMetricStatisticsResponse sums() {
        return harness.call(GetMetricStatisticsRequest.builder().namespace("App").metricName("Latency")
                .startTime(MetricsHarness.START.minusSeconds(600)).endTime(MetricsHarness.START)
                .period(600).statisticsWithStrings("Sum", "SampleCount").build());
    }

    @Test
    void everyValueFormIsStoredAndSurvivesRestart() throws Exception {
        put(datum().value(1.0).build(),
                datum().values(2.0, 3.0).counts(2.0, 1.0).build(),
                datum().statisticValues(StatisticSet.builder().sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0)
                        .build()).build());
        harness.call(PutMetricDataRequest.builder().namespace("App").entityMetricData(EntityMetricData.builder()
                .metricData(datum().value(5.0).build()).build()).build());
        harness.reopen();
        var point = sums().datapoints().getFirst();
        assertThat(point.sum()).isEqualTo(1 + 4 + 3 + 10 + 5);
        assertThat(point.sampleCount()).isEqualTo(1 + 3 + 4 + 1);
        assertThat(point.unitAsString()).isEqualTo("None");
    }

    @Test
    void valueFormsAreExclusiveAndOneIsRequired() {
        assertAwsError(() -> put(datum().value(1.0).values(2.0).build()), AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and "
                        + "you have specified both.");
        assertAwsError(() -> put(datum().value(1.0).statisticValues(StatisticSet.builder().sampleCount(1.0).sum(1.0)
                        .minimum(1.0).maximum(1.0).build()).build()), AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually "
                        + "exclusive and you have specified both.");
        assertAwsError(() -> put(datum().value(1.0).build(), datum().build()), AwsError.CW_INVALID_PARAMETER_COMBINATION,
                "At least one of the parameters MetricData.member.2.Value and MetricData.member.2.StatisticValues "
                        + "must be specified.");
    }

    @Test
    void limitsAreAwsLimits() {
        List<Double> many = new ArrayList<>(Collections.nCopies(151, 1.0));
        assertAwsError(() -> put(datum().values(many).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The collection MetricData.member.1.Values must not have a size greater than 150.");
        assertAwsError(() -> put(datum().values(1.0, 2.0).counts(1.0).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.");
        MetricDatum[] tooMany = new MetricDatum[1001];
        java.util.Arrays.fill(tooMany, datum().value(1.0).build());
        assertAwsError(() -> put(tooMany), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The collection MetricData must not have a size greater than 1000.");
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            dimensions.add(Dimension.builder().name("d" + i).value("v").build());
        }
        assertAwsError(() -> put(datum().value(1.0).dimensions(dimensions).build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value at 'metricData.1.member.dimensions' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 30");
        put(datum().value(1.0).dimensions(dimensions.subList(0, 30)).build());
    }

    @Test
    void valuesMustBeFiniteAndInRange() {
        assertAwsError(() -> put(datum().value(Double.NaN).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value NaN for parameter MetricData.member.1.Value is invalid.");
        assertAwsError(() -> put(datum().values(1.0, Double.POSITIVE_INFINITY).build()),
                AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value Infinity for parameter MetricData.member.1.Values.member.2 is invalid.");
        assertAwsError(() -> put(datum().value(Math.scalb(1.0, 361)).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value " + Math.scalb(1.0, 361) + " for parameter MetricData.member.1.Value is invalid.");
        put(datum().value(Math.scalb(1.0, 360)).build());
        put(datum().value(0.0).build());
    }

    @Test
    void timestampsFromTwoWeeksAgoToTwoHoursAhead() {
        Instant now = MetricsHarness.START;
        put(datum().value(1.0).timestamp(now.minus(Duration.ofDays(14))).build(),
                datum().value(1.0).timestamp(now.plus(Duration.ofHours(2))).build());
        assertAwsError(() -> put(datum().value(1.0).build(),
                        datum().value(1.0).timestamp(now.minus(Duration.ofDays(14)).minusSeconds(1)).build(),
                        datum().value(1.0).timestamp(now.plus(Duration.ofHours(2)).plusSeconds(1)).build()),
                AwsError.CW_INVALID_PARAMETER_VALUE,
                "The parameter MetricData.member.2.Timestamp must specify a time within the past two weeks.\n"
                        + "The parameter MetricData.member.3.Timestamp must specify a time within the past two weeks.");
    }

    @Test
    void namespaceAndModelRules() {
        assertAwsError(() -> harness.call(PutMetricDataRequest.builder().namespace("AWS/EC2")
                        .metricData(datum().value(1.0).build()).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value AWS/EC2 for parameter Namespace is invalid.");
        assertAwsError(() -> harness.call(PutMetricDataRequest.builder().metricData(MetricDatum.builder().value(1.0)
                        .build()).build()), AwsError.CW_VALIDATION_ERROR,
                "2 validation errors detected: Value null at 'namespace' failed to satisfy constraint: Member must "
                        + "not be null; Value null at 'metricData.1.member.metricName' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> put(datum().value(1.0).unit("Parsecs").build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value 'Parsecs' at 'metricData.1.member.unit' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [" + MetricChecks.UNITS + "]");
        assertAwsError(() -> put(datum().value(1.0).storageResolution(30).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value 30 for parameter MetricData.member.1.StorageResolution is invalid.");
        assertAwsError(() -> put(datum().value(1.0).dimensions(Dimension.builder().name("a").value("1").build(),
                        Dimension.builder().name("a").value("2").build()).build()), AwsError.CW_INVALID_PARAMETER_VALUE,
                "No Metric may specify the same dimension twice.");
        assertAwsError(() -> harness.call(PutMetricDataRequest.builder().namespace("App").build()),
                AwsError.CW_MISSING_PARAMETER, "The parameter MetricData is required.");
    }
}
