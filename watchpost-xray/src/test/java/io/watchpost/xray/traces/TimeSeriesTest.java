package io.watchpost.xray.traces;

import static io.watchpost.xray.Fixture.assertAwsError;
import static io.watchpost.xray.Fixture.context;
import static io.watchpost.xray.traces.Segments.id;
import static io.watchpost.xray.traces.Segments.segment;
import static io.watchpost.xray.traces.Segments.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.GetTimeSeriesServiceStatisticsRequest;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.TimeSeriesServiceStatistics;

class TimeSeriesTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final Instant T0 = Fixture.START;

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS);
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        fixture.close();
    }

    /** web at {@code at} calls orders (a remote subsegment) that takes 0.2 s and faults when asked. */
    private void put(int n, Instant at, boolean fault) {
        double s = Segments.seconds(at);
        String doc = segment(traceId(at, n), n * 10, null, "web", s, s + 0.5, ",\"subsegments\":[{\"id\":\""
                + id(n * 10 + 1) + "\",\"name\":\"orders\",\"namespace\":\"remote\",\"start_time\":" + s
                + ",\"end_time\":" + (s + 0.2) + (fault ? ",\"fault\":true" : "") + "}]");
        assertThat(service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder().traceSegmentDocuments(doc)
                .build()).unprocessedTraceSegments()).isEmpty();
    }

    private List<TimeSeriesServiceStatistics> series(String selector, Integer period, String group) {
        return service.timeSeries().getTimeSeriesServiceStatistics(CTX, GetTimeSeriesServiceStatisticsRequest
                .builder().startTime(T0).endTime(T0.plusSeconds(600)).entitySelectorExpression(selector)
                .period(period).groupName(group).build()).timeSeriesServiceStatistics();
    }

    @Test
    void bucketsServiceStatisticsByPeriod() {
        put(1, T0.plusSeconds(5), false);
        put(2, T0.plusSeconds(30), true);
        put(3, T0.plusSeconds(130), false);
        fixture.clock.advance(java.time.Duration.ofMinutes(5));
        List<TimeSeriesServiceStatistics> web = series("service(\"web\")", 60, null);
        assertThat(web).extracting(TimeSeriesServiceStatistics::timestamp)
                .containsExactly(T0, T0.plusSeconds(120));
        assertThat(web.get(0).serviceSummaryStatistics().totalCount()).isEqualTo(2);
        assertThat(web.get(0).serviceSummaryStatistics().okCount()).isEqualTo(2);
        assertThat(web.get(0).serviceSummaryStatistics().totalResponseTime()).isEqualTo(1.0);
        assertThat(web.get(0).responseTimeHistogram()).singleElement().satisfies(h -> {
            assertThat(h.value()).isEqualTo(0.5);
            assertThat(h.count()).isEqualTo(2);
        });
        assertThat(web.get(0).edgeSummaryStatistics()).isNull();
        List<TimeSeriesServiceStatistics> edge = series("edge(\"web\", \"orders\")", 300, null);
        assertThat(edge).singleElement().satisfies(e -> {
            assertThat(e.timestamp()).isEqualTo(T0);
            assertThat(e.edgeSummaryStatistics().totalCount()).isEqualTo(3);
            assertThat(e.edgeSummaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        });
        assertThat(series(null, null, null)).extracting(s -> s.edgeSummaryStatistics().totalCount())
                .containsExactly(2L, 1L);
    }

    @Test
    void honoursGroups() {
        put(1, T0.plusSeconds(5), false);
        put(2, T0.plusSeconds(30), true);
        service.groups().createGroup(CTX, CreateGroupRequest.builder().groupName("faulty")
                .filterExpression("service(\"orders\") { fault }").build());
        assertThat(series("service(\"web\")", 60, "faulty")).singleElement()
                .satisfies(s -> assertThat(s.serviceSummaryStatistics().totalCount()).isEqualTo(1));
    }

    @Test
    void idSelectorsNameNodesByNameTypeAndAccount() {
        put(1, T0.plusSeconds(5), false);
        put(2, T0.plusSeconds(30), true);
        long web = series("service(\"web\")", 60, null).get(0).serviceSummaryStatistics().totalCount();
        assertThat(web).isEqualTo(2);
        assertThat(series("id(name: \"web\")", 60, null).get(0).serviceSummaryStatistics().totalCount())
                .isEqualTo(web);
        assertThat(series("service(id(name: \"orders\", type: \"remote\", account.id: \"000000000000\"))", 60,
                null).get(0).serviceSummaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        assertThat(series("service(id(name: \"orders\", type: \"AWS::EC2::Instance\"))", 60, null)).isEmpty();
        assertThat(series("id(name: \"web\", account.id: \"111111111111\")", 60, null)).isEmpty();
        assertThat(series("EDGE( ID( type : \"client\" ), \"web\" )", 60, null).get(0).edgeSummaryStatistics()
                .totalCount()).isEqualTo(2);
        assertThat(series("edge(id(name: \"web\"), \"orders\")", 60, null).get(0).edgeSummaryStatistics()
                .totalCount()).isEqualTo(2);
        assertThat(series("edge(\"web\", id(type: \"remote\"))", 60, null).get(0).edgeSummaryStatistics()
                .faultStatistics().totalCount()).isEqualTo(1);
        for (String bad : List.of("id()", "id(name \"x\")", "id(color: \"red\")", "id(name: \"a\", name: \"b\")",
                "service(\"web\") extra", "edge(\"web\")", "service(\"unterminated)")) {
            assertAwsError(() -> series(bad, 60, null), AwsError.XRAY_INVALID_REQUEST,
                    "Invalid entity selector expression: " + bad);
        }
    }

    @Test
    void validation() {
        assertAwsError(() -> series("service(\"web\")", 61, null), AwsError.XRAY_INVALID_REQUEST,
                "Period must be a positive multiple of 60 seconds");
        assertAwsError(() -> series("node(web)", 60, null), AwsError.XRAY_INVALID_REQUEST,
                "Invalid entity selector expression: node(web)");
        assertAwsError(() -> series("x".repeat(501), 60, null), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value at 'entitySelectorExpression' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 500");
        assertAwsError(() -> series(null, 60, "nope"), AwsError.XRAY_INVALID_REQUEST, "Group not found");
    }
}
