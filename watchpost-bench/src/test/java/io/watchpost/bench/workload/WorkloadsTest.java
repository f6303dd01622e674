package io.watchpost.bench.workload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The request shapes the workloads promise (sizes, counts, valid JSON), without any server. */
class WorkloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkloadSpec spec = new WorkloadSpec(4, "run1");

    @Test
    void everyNamedWorkloadIsCreatedUnderItsOwnName() {
        assertThat(Workloads.names()).containsExactly("PutMetricData", "GetMetricStatistics", "GetMetricData",
                "GetMetricDataSearch", "GetMetricDataInsights", "ListMetrics", "PutLogEvents", "FilterLogEvents", "FilterLogEventsJson",
                "FilterLogEventsDelimited", "DescribeLogGroups", "PutEvents", "PutEvents1000Rules", "PutTraceSegments");
        for (String name : Workloads.names()) {
            assertThat(Workloads.create(name, spec).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> Workloads.create("Nope", spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchSeedsOneHundredSeriesOfSixtyPointsAndNamesTheirNamespace() {
        var datums = GetMetricDataSearchWorkload.seed(Instant.EPOCH);
        assertThat(datums).hasSize(6_000);
        assertThat(datums.stream().map(d -> d.dimensions().getFirst().value()).distinct()).hasSize(100);
        assertThat(GetMetricDataSearchWorkload.expression("Bench/Search/run1"))
                .isEqualTo("SEARCH('{Bench/Search/run1,Host} MetricName=\"Latency\"', 'Average', 60)");
        assertThat(GetMetricDataInsightsWorkload.query("Bench/Insights/run1")).isEqualTo("SELECT AVG(Latency) FROM "
                + "SCHEMA(\"Bench/Insights/run1\", Host) GROUP BY Host ORDER BY AVG() DESC LIMIT 10");
    }

    @Test
    void everyFilterVariantMatchesOneInAThousandOfItsLines() throws Exception {
        var variants = java.util.Map.of(
                "ERROR", (java.util.function.IntFunction<String>) FilterLogEventsWorkload::message,
                FilterLogEventsWorkload.DELIMITED_PATTERN, FilterLogEventsWorkload::message,
                FilterLogEventsWorkload.JSON_PATTERN, FilterLogEventsWorkload::json);
        for (var variant : variants.entrySet()) {
            var pattern = io.watchpost.logs.filter.FilterPattern.compile(variant.getKey());
            long matched = IntStream.range(0, 10_000).mapToObj(variant.getValue()::apply).filter(pattern::matches)
                    .count();
            assertThat(matched).as(variant.getKey()).isEqualTo(10);
        }
        JSON.readTree(FilterLogEventsWorkload.json(7));
        var json = (FilterLogEventsWorkload) Workloads.create("FilterLogEventsJson", spec);
        assertThat(json.rawBytes()).isGreaterThan(100L * FilterLogEventsWorkload.EVENTS);
    }

    @Test
    void putMetricDataSendsTwentyMetrics() {
        assertThat(PutMetricDataWorkload.datums(3, Instant.EPOCH)).hasSize(20)
                .allSatisfy(d -> assertThat(d.dimensions()).hasSize(2));
    }

    @Test
    void logMessagesAreTwoHundredBytes() {
        IntStream.range(0, 300).forEach(i ->
                assertThat(PutLogEventsWorkload.message(i).getBytes(UTF_8)).hasSize(PutLogEventsWorkload.MESSAGE_BYTES));
    }

    @Test
    void oneFilteredEventInAThousandHoldsTheTerm() {
        long matches = IntStream.range(0, FilterLogEventsWorkload.EVENTS)
                .filter(i -> FilterLogEventsWorkload.message(i).contains("ERROR")).count();
        assertThat(matches).isEqualTo(100);
        long batchBytes = IntStream.range(0, FilterLogEventsWorkload.BATCH)
                .mapToLong(i -> FilterLogEventsWorkload.message(i).getBytes(UTF_8).length + 26).sum();
        assertThat(batchBytes).isLessThan(1_048_576); // PutLogEvents' batch limit (message bytes + 26 each)
    }

    @Test
    void ruleSetMixesFivePatternKindsAsValidJson() throws Exception {
        String[] kinds = {"\"detail-type\"", "\"prefix\"", "\"numeric\"", "\"anything-but\"", "\"exists\""};
        for (int i = 0; i < PutEventsWorkload.RULES; i++) {
            String pattern = PutEventsWorkload.pattern(i);
            assertThat(JSON.readTree(pattern).path("source").isArray()).isTrue();
            assertThat(pattern).contains(kinds[i % 5]);
        }
        assertThat(JSON.readTree(PutEventsWorkload.detail(1, 2)).path("customer").has("tier")).isTrue();
    }

    @Test
    void theThousandMixedRulesAreValidPatternsAndEachKindMatchesSomeEvents() throws Exception {
        var scope = new io.watchpost.core.Scope("000000000000", "us-east-1");
        var index = new io.watchpost.events.rules.RuleIndex();
        for (int i = 0; i < PutEvents1000RulesWorkload.RULES; i++) {
            index.put("rule-" + i, scope, "bus", io.watchpost.events.pattern.EventPattern.compile(MixedRules.pattern(i)));
        }
        java.util.Set<Integer> kindsMatched = new java.util.TreeSet<>();
        for (int i = 0; i < 60; i++) {
            JsonNode event = JSON.readTree("{\"detail-type\":\"OrderPlaced\",\"source\":\"" + MixedRules.source(i)
                    + "\",\"detail\":" + MixedRules.detail(i % 4, i) + "}");
            index.match(scope, "bus", MixedRules.source(i), "OrderPlaced", event)
                    .forEach(rule -> kindsMatched.add(Integer.parseInt(rule.substring("rule-".length())) % 6));
        }
        assertThat(kindsMatched).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void traceSegmentsAreValidDocumentsWithWellFormedIds() throws Exception {
        JsonNode segment = JSON.readTree(PutTraceSegmentsWorkload.segment(new SplittableRandom(1), 1_767_225_600.5, 3));
        assertThat(segment.path("trace_id").asText()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(segment.path("id").asText()).matches("[0-9a-f]{16}");
        assertThat(segment.path("end_time").asDouble()).isGreaterThan(segment.path("start_time").asDouble());
    }

    @Test
    void specNeedsAWorker() {
        assertThatThrownBy(() -> new WorkloadSpec(0, "r")).isInstanceOf(IllegalArgumentException.class);
    }
}
