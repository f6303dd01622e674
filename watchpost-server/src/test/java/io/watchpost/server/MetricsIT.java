package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Metrics through the real server: PutMetricData in awsQuery (SDK v2), JSON 1.0 and RPC v2 CBOR, read back with
 * GetMetricStatistics, ListMetrics and GetMetricData, and kept across a restart.
 */
class MetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    @TempDir
    static Path dataDir;
    static TestServer server;
    static CloudWatchClient cloudWatch;
    static Instant base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        cloudWatch = server.client(CloudWatchClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        cloudWatch.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.watchpost().reset();
        base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    }

    private static Dimension host(String value) {
        return Dimension.builder().name("Host").value(value).build();
    }

    private static void putLatency(String hostName, double... values) {
        cloudWatch.putMetricData(r -> r.namespace("App").metricData(values.length == 0 ? List.of()
                : java.util.stream.IntStream.range(0, values.length).mapToObj(i -> MetricDatum.builder().metricName("Latency").dimensions(host(hostName))
                        .unit(StandardUnit.MILLISECONDS).value(values[i]).timestamp(base.plusSeconds(i * 60L))
                        .build()).toList()));
    }

    private static GetMetricStatisticsResponse latencyStats(String hostName) {
        return cloudWatch.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .dimensions(host(hostName)).startTime(base).endTime(base.plus(1, ChronoUnit.HOURS)).period(3600)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM,
                        Statistic.MAXIMUM));
    }

    @Test
    void queryPutAndStatistics() {
        putLatency("a", 10, 20, 30, 40);
        Datapoint point = latencyStats("a").datapoints().get(0);
        assertThat(point.sampleCount()).isEqualTo(4.0);
        assertThat(point.sum()).isEqualTo(100.0);
        assertThat(point.average()).isEqualTo(25.0);
        assertThat(point.minimum()).isEqualTo(10.0);
        assertThat(point.maximum()).isEqualTo(40.0);
        assertThat(point.unit()).isEqualTo(StandardUnit.MILLISECONDS);
        assertThat(point.timestamp()).isEqualTo(base);
    }

    @Test
    void valuesWithCountsAndStatisticSetsAndPercentiles() {
        cloudWatch.putMetricData(r -> r.namespace("App").metricData(
                MetricDatum.builder().metricName("Sizes").values(1.0, 2.0, 100.0).counts(10.0, 5.0, 1.0)
                        .timestamp(base).build(),
                MetricDatum.builder().metricName("Sizes").statisticValues(s -> s.sampleCount(4.0).sum(8.0)
                        .minimum(1.0).maximum(3.0)).timestamp(base.plusSeconds(60)).build()));
        GetMetricStatisticsResponse stats = cloudWatch.getMetricStatistics(r -> r.namespace("App")
                .metricName("Sizes").startTime(base).endTime(base.plus(1, ChronoUnit.HOURS)).period(3600)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MAXIMUM));
        Datapoint point = stats.datapoints().get(0);
        assertThat(point.sampleCount()).isEqualTo(20.0);
        assertThat(point.sum()).isEqualTo(10 + 10 + 100 + 8.0);
        assertThat(point.maximum()).isEqualTo(100.0);
        GetMetricStatisticsResponse p = cloudWatch.getMetricStatistics(r -> r.namespace("App")
                .metricName("Sizes").startTime(base).endTime(base.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p99"));
        assertThat(p.datapoints().get(0).extendedStatistics().get("p50")).isCloseTo(1.0, org.assertj.core.data
                .Percentage.withPercentage(5));
        assertThat(p.datapoints().get(0).extendedStatistics().get("p99")).isCloseTo(100.0, org.assertj.core.data
                .Percentage.withPercentage(5));
    }

    @Test
    void listMetricsFiltersByNamespaceNameAndDimension() {
        putLatency("a", 1);
        putLatency("b", 1);
        cloudWatch.putMetricData(r -> r.namespace("Other").metricData(
                MetricDatum.builder().metricName("Count").value(1.0).build()));
        assertThat(cloudWatch.listMetrics(r -> r.namespace("App")).metrics()).hasSize(2)
                .allSatisfy(m -> assertThat(m.metricName()).isEqualTo("Latency"));
        assertThat(cloudWatch.listMetrics(r -> r.dimensions(DimensionFilter.builder().name("Host").value("b")
                .build())).metrics())
                .extracting(Metric::dimensions).containsExactly(List.of(host("b")));
        assertThat(cloudWatch.listMetrics(r -> r.dimensions(DimensionFilter.builder().name("Host").build()))
                .metrics()).hasSize(2);
        assertThat(cloudWatch.listMetrics(r -> r.metricName("Count")).metrics()).extracting(Metric::namespace)
                .containsExactly("Other");
    }

    @Test
    void getMetricDataWithMetricMath() {
        putLatency("a", 10, 20, 30);
        GetMetricDataResponse response = cloudWatch.getMetricData(r -> r.startTime(base)
                .endTime(base.plusSeconds(180)).metricDataQueries(
                        MetricDataQuery.builder().id("m1").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace("App").metricName("Latency").dimensions(host("a"))))
                                .build(),
                        MetricDataQuery.builder().id("doubled").expression("m1 * 2").label("Doubled").build()));
        MetricDataResult result = response.metricDataResults().get(0);
        assertThat(result.id()).isEqualTo("doubled");
        assertThat(result.label()).isEqualTo("Doubled");
        assertThat(result.statusCodeAsString()).isEqualTo("Complete");
        assertThat(result.values()).containsExactly(60.0, 40.0, 20.0);  // TimestampDescending by default
    }

    @Test
    void jsonAndCborPutMetricData() throws Exception {
        long seconds = base.getEpochSecond();
        String json = "{\"Namespace\":\"Wire\",\"MetricData\":[{\"MetricName\":\"Json\",\"Value\":5,"
                + "\"Timestamp\":" + seconds + "}]}";
        HttpResponse<byte[]> jsonPut = RawHttp.post(server.endpoint(), "/", json.getBytes(UTF_8),
                "X-Amz-Target", "GraniteServiceVersion20100801.PutMetricData",
                "Content-Type", "application/x-amz-json-1.0");
        assertThat(jsonPut.statusCode()).isEqualTo(200);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = (CBORGenerator) CBOR.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("Namespace", "Wire");
            out.writeArrayFieldStart("MetricData");
            out.writeStartObject();
            out.writeStringField("MetricName", "Cbor");
            out.writeNumberField("Value", 7.0);
            out.writeFieldName("Timestamp");
            out.writeTag(1);
            out.writeNumber(seconds);
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        }
        HttpResponse<byte[]> cborPut = RawHttp.post(server.endpoint(),
                "/service/GraniteServiceVersion20100801/operation/PutMetricData", bytes.toByteArray(),
                "smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor", "Accept", "application/cbor");
        assertThat(cborPut.statusCode()).isEqualTo(200);

        assertThat(cloudWatch.listMetrics(r -> r.namespace("Wire")).metrics()).extracting(Metric::metricName)
                .containsExactlyInAnyOrder("Json", "Cbor");
        HttpResponse<byte[]> stats = RawHttp.post(server.endpoint(),
                "/service/GraniteServiceVersion20100801/operation/GetMetricStatistics",
                CBOR.writeValueAsBytes(JSON.createObjectNode().put("Namespace", "Wire").put("MetricName", "Cbor")
                        .put("StartTime", seconds).put("EndTime", seconds + 60).put("Period", 60)
                        .set("Statistics", JSON.createArrayNode().add("Sum"))),
                "smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor", "Accept", "application/cbor");
        assertThat(stats.statusCode()).isEqualTo(200);
        JsonNode datapoints = CBOR.readTree(stats.body()).path("Datapoints");
        assertThat(datapoints.get(0).path("Sum").asDouble()).isEqualTo(7.0);
    }

    @Test
    void invalidInputGetsCloudWatchErrors() {
        assertThatThrownBy(() -> cloudWatch.putMetricData(r -> r.namespace("AWS/EC2")
                .metricData(MetricDatum.builder().metricName("X").value(1.0).build())))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(base).endTime(base.plusSeconds(60)).period(60)))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isIn("MissingParameter",
                                "InvalidParameterCombination"));
    }

    @Test
    void datapointsSurviveARestart() throws Exception {
        putLatency("kept", 1, 2, 3);
        server.restart();
        try (CloudWatchClient again = server.client(CloudWatchClient.builder())) {
            Datapoint point = again.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                    .dimensions(host("kept")).startTime(base).endTime(base.plus(1, ChronoUnit.HOURS)).period(3600)
                    .statistics(Statistic.SUM)).datapoints().stream().max(Comparator.comparing(Datapoint::sum))
                    .orElseThrow();
            assertThat(point.sum()).isEqualTo(6.0);
        }
        cloudWatch.close();
        cloudWatch = server.client(CloudWatchClient.builder());
    }
}
