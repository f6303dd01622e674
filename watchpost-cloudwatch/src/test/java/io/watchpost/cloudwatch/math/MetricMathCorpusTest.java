package io.watchpost.cloudwatch.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Runs every case of {@code metric-math-corpus.json} through GetMetricData end to end. Each input becomes a
 * MetricStat query (Id = MetricName = the input's key, namespace {@code Corpus}, Average, period 60 unless the case
 * says otherwise, ReturnData false) over datapoints at {@code START + i * period} (null = no datapoint); optional
 * {@code metrics} are extra stored series for SEARCH; optional {@code extra} are further expression queries
 * (ReturnData false). The expression under test is query {@code e1}. Expected series are value arrays on the grid
 * {@code START + i * expectPeriod} (null = no point); an expected error is a substring of the ValidationError.
 */
class MetricMathCorpusTest {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<JsonNode>> cases() throws Exception {
        try (InputStream in = MetricMathCorpusTest.class.getResourceAsStream("/metric-math-corpus.json")) {
            JsonNode root = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Named<JsonNode>> out = new ArrayList<>();
            root.get("cases").forEach(c -> out.add(Named.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusCase(JsonNode c) {
        InMemoryMetricDataSource source = new InMemoryMetricDataSource();
        MetricDataService service = new MetricDataService(source,
                new MutableClock(START.plusSeconds(86_400)),
                new PageTokens("corpus-key-0123456789".getBytes(StandardCharsets.UTF_8)));
        int period = c.path("inputPeriod").asInt(60);
        List<MetricDataQuery> queries = new ArrayList<>();
        int points = c.path("points").asInt(0);
        for (Map.Entry<String, JsonNode> input : c.path("inputs").properties()) {
            MetricIdentity metric = new MetricIdentity("Corpus", input.getKey(), Map.of());
            points = Math.max(points, store(source, metric, input.getValue(), period));
            queries.add(metricQuery(input.getKey(), period));
        }
        for (JsonNode m : c.path("metrics")) {
            Map<String, String> dims = new HashMap<>();
            m.path("dims").properties().forEach(d -> dims.put(d.getKey(), d.getValue().asText()));
            MetricIdentity metric = new MetricIdentity(m.get("namespace").asText(), m.get("name").asText(), dims);
            points = Math.max(points, store(source, metric, m.get("values"), period));
        }
        c.path("extra").properties().forEach(e -> queries.add(MetricDataQuery.builder().id(e.getKey())
                .expression(e.getValue().asText()).returnData(false).build()));
        MetricDataQuery.Builder e1 = MetricDataQuery.builder().id("e1").expression(c.get("expression").asText());
        if (c.has("label")) {
            e1.label(c.get("label").asText());
        }
        if (c.has("period")) {
            e1.period(c.get("period").asInt());
        }
        queries.add(e1.build());
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(START).endTime(START.plusSeconds((long) Math.max(points, 1) * period))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        if (c.has("expectError")) {
            assertThatThrownBy(() -> service.getMetricData(Handlers.context(), request))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.error()).isEqualTo(AwsError.CW_VALIDATION_ERROR);
                        assertThat(e.getMessage()).contains(c.get("expectError").asText());
                    });
            return;
        }
        GetMetricDataResponse response = service.getMetricData(Handlers.context(), request);
        check(c, response, period);
    }

    private static int store(InMemoryMetricDataSource source, MetricIdentity metric, JsonNode values, int period) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isNull()) {
                source.put(Handlers.SCOPE, metric, START.plusSeconds((long) i * period), values.get(i).asDouble());
            }
        }
        return values.size();
    }

    private static MetricDataQuery metricQuery(String id, int period) {
        return MetricDataQuery.builder().id(id).returnData(false).metricStat(s -> s.stat("Average").period(period)
                .metric(m -> m.namespace("Corpus").metricName(id).dimensions(new ArrayList<Dimension>()))).build();
    }

    private static void check(JsonNode c, GetMetricDataResponse response, int inputPeriod) {
        List<MetricDataResult> results = response.metricDataResults();
        JsonNode expect = c.get("expect");
        assertThat(results).as("number of series").hasSize(expect.size());
        int expectPeriod = c.path("expectPeriod").asInt(inputPeriod);
        for (int s = 0; s < expect.size(); s++) {
            Double[] actual = grid(results.get(s), expectPeriod, expect.get(s).size());
            for (int i = 0; i < expect.get(s).size(); i++) {
                JsonNode want = expect.get(s).get(i);
                if (want.isNull()) {
                    assertThat(actual[i]).as("series %d point %d", s, i).isNull();
                } else {
                    assertThat(actual[i]).as("series %d point %d", s, i).isNotNull();
                    assertThat(actual[i]).as("series %d point %d", s, i).isCloseTo(want.asDouble(), within(1e-9));
                }
            }
        }
        if (c.has("expectLabels")) {
            List<String> labels = new ArrayList<>();
            c.get("expectLabels").forEach(l -> labels.add(l.asText()));
            assertThat(results).extracting(MetricDataResult::label).containsExactlyElementsOf(labels);
        }
        if (c.has("expectMessages")) {
            List<String> codes = new ArrayList<>();
            c.get("expectMessages").forEach(l -> codes.add(l.asText()));
            assertThat(results.getFirst().messages()).extracting(MessageData::code).containsExactlyElementsOf(codes);
        }
    }

    private static Double[] grid(MetricDataResult result, int period, int length) {
        Double[] out = new Double[length];
        for (int i = 0; i < result.timestamps().size(); i++) {
            long offset = result.timestamps().get(i).getEpochSecond() - START.getEpochSecond();
            assertThat(offset % period).as("timestamp on the %ds grid", period).isZero();
            int index = (int) (offset / period);
            assertThat(index).as("timestamp inside the expected grid").isBetween(0, length - 1);
            out[index] = result.values().get(i);
        }
        return out;
    }
}
