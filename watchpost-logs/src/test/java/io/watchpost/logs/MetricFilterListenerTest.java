package io.watchpost.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.port.MetricDatum;
import io.watchpost.logs.ingest.IngestedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;

class MetricFilterListenerTest {
    private static final long T0 = Instant.parse("2025-01-02T03:04:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private FiltersHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new FiltersHarness(dir);
        h.createGroup("app");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private void put(String name, String pattern, MetricTransformation.Builder t) {
        h.call(PutMetricFilterRequest.builder().logGroupName("app").filterName(name).filterPattern(pattern)
                .metricTransformations(t.build()).build());
    }

    private static MetricTransformation.Builder metric(String value) {
        return MetricTransformation.builder().metricName("M").metricNamespace("App").metricValue(value);
    }

    @Test
    void publishesTheLiteralForEachMatchingEventAtTheEventTime() {
        put("errors", "ERROR", metric("1").unit("Count"));

        h.ingest("app", "s", T0, "ERROR one", "fine", "ERROR two");

        assertThat(h.sink.data).hasSize(2).allSatisfy(d -> {
            assertThat(d.namespace()).isEqualTo("App");
            assertThat(d.metricName()).isEqualTo("M");
            assertThat(d.value()).isEqualTo(1.0);
            assertThat(d.unit()).contains("Count");
            assertThat(d.timestamp()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(d.dimensions()).isEmpty();
        });
    }

    @Test
    void extractsJsonValuesAndDimensionsAndSkipsNonNumericValues() {
        put("latency", "{ $.latency = * }", metric("$.latency").dimensions(Map.of("Host", "$.host")));

        h.ingest("app", "s", T0, "{\"latency\": 12.5, \"host\": \"a\"}", "{\"latency\": \"slow\", \"host\": \"b\"}",
                "{\"latency\": 3, \"host\": \"b\"}", "{\"latency\": 4}", "not json");

        assertThat(h.sink.data).extracting(MetricDatum::value, MetricDatum::dimensions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12.5, Map.of("Host", "a")),
                        org.assertj.core.groups.Tuple.tuple(3.0, Map.of("Host", "b")));
    }

    @Test
    void extractsSpaceDelimitedFields() {
        put("bytes", "[ip, user, status = 200, bytes]", metric("$bytes").unit("Bytes"));

        h.ingest("app", "s", T0, "1.2.3.4 frank 200 1534", "1.2.3.4 frank 500 99", "1.2.3.4 bob 200 -");

        assertThat(h.sink.data).extracting(MetricDatum::value).containsExactly(1534.0);
    }

    @Test
    void publishesTheDefaultValueForEachMinuteWithEventsButNoMatch() {
        put("errors", "ERROR", metric("1").defaultValue(0.0));

        h.ingest("app", "s", List.of(
                new IngestedEvent(T0 + 1_000, T0, "fine"),
                new IngestedEvent(T0 + 2_000, T0, "ERROR"),
                new IngestedEvent(T0 + 61_000, T0, "fine"),
                new IngestedEvent(T0 + 62_000, T0, "still fine")));

        assertThat(h.sink.data).extracting(MetricDatum::timestamp, MetricDatum::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0 + 2_000), 1.0),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(T0 + 61_000), 0.0));
    }

    @Test
    void publishesNothingForOtherGroupsOrDeletedFiltersOrAnEmptyBatch() {
        put("errors", "ERROR", metric("1"));
        h.createGroup("other");

        h.ingest("other", "s", T0, "ERROR");
        h.ingest("app", "s", List.of());
        h.call(DeleteMetricFilterRequest.builder().logGroupName("app").filterName("errors").build());
        h.ingest("app", "s", T0, "ERROR");

        assertThat(h.sink.data).isEmpty();
    }

    @Test
    void aReplacedFilterIsRecompiled() {
        put("f", "ERROR", metric("1"));
        h.ingest("app", "s", T0, "ERROR", "WARN");
        put("f", "WARN", metric("2"));
        h.ingest("app", "s", T0, "ERROR", "WARN");

        assertThat(h.sink.data).extracting(MetricDatum::value).containsExactly(1.0, 2.0);
    }

    @Test
    void filtersPublishAfterARestart() throws Exception {
        put("errors", "ERROR", metric("1"));
        h.reopen();

        h.ingest("app", "s", T0, "ERROR");

        assertThat(h.sink.data).singleElement().extracting(MetricDatum::unit).isEqualTo(Optional.empty());
    }

    @Test
    void aRecreatedGroupDoesNotRunTheOldFilters() {
        put("errors", "ERROR", metric("1"));
        h.deleteGroup("app");
        h.clock.advance(java.time.Duration.ofSeconds(1));
        h.createGroup("app");

        h.ingest("app", "s", T0, "ERROR");

        assertThat(h.sink.data).isEmpty();
    }
}
