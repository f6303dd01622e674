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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.BatchGetTracesRequest;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.PutTelemetryRecordsRequest;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.TelemetryRecord;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.UnprocessedTraceSegment;

class TraceServiceTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final Instant T0 = Fixture.START;
    private static final double S0 = Segments.seconds(T0);

    @TempDir
    Path directory;
    private Fixture fixture;
    private ClockScheduler scheduler;
    private TraceService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        scheduler = new ClockScheduler(fixture.clock);
        service = newService(2);
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        fixture.close();
    }

    private TraceService newService(int pageSize) throws IOException {
        return new TraceService(fixture.journal, directory, fixture.clock, scheduler, Fixture.PAGE_TOKENS, pageSize);
    }

    private List<UnprocessedTraceSegment> put(String... documents) {
        return service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder().traceSegmentDocuments(documents)
                .build()).unprocessedTraceSegments();
    }

    private List<TraceSummary> summaries(Instant from, Instant to) {
        return service.reads().getTraceSummaries(CTX, GetTraceSummariesRequest.builder()
                .startTime(from).endTime(to).build()).traceSummaries();
    }

    @Test
    void acceptsGoodAndReportsBadDocuments() {
        String trace = traceId(T0, 1);
        List<UnprocessedTraceSegment> unprocessed = put(
                segment(trace, 1, null, "web", S0, S0 + 0.5, ""),
                "{\"id\":\"" + id(2) + "\",\"name\":\"web\",\"trace_id\":\"bad\",\"start_time\":1,\"end_time\":2}",
                "not json");
        assertThat(unprocessed).containsExactly(
                UnprocessedTraceSegment.builder().id(id(2)).errorCode("InvalidTraceId")
                        .message("Invalid segment. ErrorCode: InvalidTraceId").build(),
                UnprocessedTraceSegment.builder().errorCode("ParseError")
                        .message("Invalid segment. ErrorCode: ParseError").build());
        assertThat(service.traceCount()).isEqualTo(1);
        assertAwsError(() -> service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value null at 'traceSegmentDocuments' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void traceIdEpochIsNotValidated() {
        // PutTraceSegments: the request timestamp in a trace id "is not required or validated".
        Instant yearsAgo = T0.minus(Duration.ofDays(3 * 365));
        String old = traceId(yearsAgo, 1);
        String w3c = "1-4efaaf4d-1e8720b39541901950019ee5";
        assertThat(put(segment(old, 1, null, "web", Segments.seconds(yearsAgo), Segments.seconds(yearsAgo) + 1, ""),
                segment(w3c, 2, null, "web", S0, S0 + 1, ""))).isEmpty();
        BatchGetTracesResponse response = service.reads().batchGetTraces(CTX,
                BatchGetTracesRequest.builder().traceIds(old, w3c).build());
        assertThat(response.traces()).extracting(t -> t.id()).containsExactlyInAnyOrder(old, w3c);
        assertThat(response.unprocessedTraceIds()).isEmpty();
        assertThat(service.reads().getTraceSummaries(CTX, GetTraceSummariesRequest.builder()
                .startTime(yearsAgo.minusSeconds(1)).endTime(yearsAgo.plusSeconds(1)).build()).traceSummaries())
                .extracting(TraceSummary::id).containsExactly(old);
    }

    @Test
    void filterExpressionsSelectTraces() {
        String slow = traceId(T0, 1);
        String failing = traceId(T0, 2);
        put(segment(slow, 1, null, "web", S0, S0 + 3, ",\"annotations\":{\"tier\":\"gold\"},"
                + "\"subsegments\":[{\"id\":\"" + id(3) + "\",\"name\":\"orders\",\"namespace\":\"remote\","
                + "\"start_time\":" + S0 + ",\"end_time\":" + (S0 + 2.5) + "}]"));
        put(segment(failing, 2, null, "api", S0 + 1, S0 + 1.2, ",\"fault\":true,"
                + "\"http\":{\"response\":{\"status\":502}}"));
        java.util.function.Function<String, List<String>> matching = expression -> service.reads()
                .getTraceSummaries(CTX, GetTraceSummariesRequest.builder().startTime(T0.minusSeconds(60))
                        .endTime(T0.plusSeconds(60)).filterExpression(expression).build())
                .traceSummaries().stream().map(TraceSummary::id).toList();
        assertThat(matching.apply("responsetime > 2")).containsExactly(slow);
        assertThat(matching.apply("fault AND http.status = 502")).containsExactly(failing);
        assertThat(matching.apply("annotation.tier = \"gold\"")).containsExactly(slow);
        assertThat(matching.apply("service(\"orders\")")).containsExactly(slow);
        assertThat(matching.apply("edge(\"web\", \"orders\") { responsetime > 2 }")).containsExactly(slow);
        assertThat(matching.apply("!ok")).containsExactly(failing);
    }

    @Test
    void summarizesTracesAsSegmentsArrive() {
        String trace = traceId(T0, 1);
        put(segment(trace, 1, null, "web", S0, S0 + 0.5, ",\"in_progress\":false,\"user\":\"alice\","
                + "\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://shop/cart\"},\"response\":{\"status\":200}},"
                + "\"annotations\":{\"tier\":\"gold\"},\"subsegments\":[{\"id\":\"" + id(2) + "\",\"name\":\"orders\","
                + "\"namespace\":\"remote\",\"start_time\":" + S0 + ",\"end_time\":" + (S0 + 0.3) + "}]"));
        TraceSummary first = summaries(T0.minusSeconds(60), T0.plusSeconds(60)).get(0);
        assertThat(first.id()).isEqualTo(trace);
        assertThat(first.duration()).isEqualTo(0.5);
        assertThat(first.responseTime()).isEqualTo(0.5);
        assertThat(first.isPartial()).isFalse();
        assertThat(first.hasFault()).isFalse();
        assertThat(first.http().httpURL()).isEqualTo("http://shop/cart");
        assertThat(first.http().httpStatus()).isEqualTo(200);
        assertThat(first.users()).singleElement().satisfies(u -> assertThat(u.userName()).isEqualTo("alice"));
        assertThat(first.annotations().get("tier")).singleElement()
                .satisfies(v -> assertThat(v.annotationValue().stringValue()).isEqualTo("gold"));
        assertThat(first.entryPoint().name()).isEqualTo("web");
        assertThat(first.serviceIds()).extracting(s -> s.name()).containsExactly("orders", "web");
        assertThat(first.revision()).isEqualTo(1);

        put(segment(trace, 3, id(2), "orders", S0 + 0.05, S0 + 0.7, ",\"fault\":true"));
        TraceSummary second = summaries(T0.minusSeconds(60), T0.plusSeconds(60)).get(0);
        assertThat(second.duration()).isEqualTo(0.7);
        assertThat(second.hasFault()).isTrue();
        assertThat(second.revision()).isEqualTo(2);
    }

    @Test
    void inProgressSegmentIsPartialUntilCompleted() {
        String trace = traceId(T0, 1);
        put("{\"trace_id\":\"" + trace + "\",\"id\":\"" + id(1) + "\",\"name\":\"web\",\"start_time\":" + S0
                + ",\"in_progress\":true}");
        assertThat(summaries(T0.minusSeconds(1), T0.plusSeconds(1)).get(0).isPartial()).isTrue();
        put(segment(trace, 1, null, "web", S0, S0 + 1, ""));
        TraceSummary summary = summaries(T0.minusSeconds(1), T0.plusSeconds(1)).get(0);
        assertThat(summary.isPartial()).isFalse();
        BatchGetTracesResponse traces = service.reads().batchGetTraces(CTX,
                BatchGetTracesRequest.builder().traceIds(trace).build());
        assertThat(traces.traces().get(0).segments()).singleElement()
                .satisfies(s -> assertThat(s.document()).doesNotContain("in_progress"));
    }

    @Test
    void batchGetTracesEmbedsSeparateSubsegmentsAndListsUnknownIds() {
        String trace = traceId(T0, 1);
        put(segment(trace, 1, null, "web", S0, S0 + 1, ""),
                "{\"type\":\"subsegment\",\"trace_id\":\"" + trace + "\",\"parent_id\":\"" + id(1) + "\",\"id\":\""
                        + id(2) + "\",\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"start_time\":" + S0
                        + ",\"end_time\":" + (S0 + 0.2) + "}");
        String unknown = traceId(T0, 99);
        BatchGetTracesResponse response = service.reads().batchGetTraces(CTX,
                BatchGetTracesRequest.builder().traceIds(trace, unknown).build());
        assertThat(response.unprocessedTraceIds()).containsExactly(unknown);
        assertThat(response.traces()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(trace);
            assertThat(t.duration()).isEqualTo(1.0);
            assertThat(t.limitExceeded()).isFalse();
            assertThat(t.segments()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(id(1));
                assertThat(s.document()).contains("\"subsegments\":[{").contains("DynamoDB");
            });
        });
    }

    @Test
    void batchGetTracesPagesFiveAtATime() {
        String[] ids = new String[7];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = traceId(T0, i + 1);
            put(segment(ids[i], i + 1, null, "web", S0, S0 + 1, ""));
        }
        BatchGetTracesResponse first = service.reads().batchGetTraces(CTX,
                BatchGetTracesRequest.builder().traceIds(ids).build());
        assertThat(first.traces()).hasSize(5);
        BatchGetTracesResponse second = service.reads().batchGetTraces(CTX,
                BatchGetTracesRequest.builder().traceIds(ids).nextToken(first.nextToken()).build());
        assertThat(second.traces()).extracting(t -> t.id()).containsExactly(ids[5], ids[6]);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void summariesPageAndFilterByTime() {
        for (int i = 0; i < 5; i++) {
            put(segment(traceId(T0.plusSeconds(i * 60L), i + 1), i + 1, null, "web", S0 + i * 60, S0 + i * 60 + 1, ""));
        }
        GetTraceSummariesResponse page1 = service.reads().getTraceSummaries(CTX,
                GetTraceSummariesRequest.builder().startTime(T0).endTime(T0.plusSeconds(200)).build());
        assertThat(page1.traceSummaries()).extracting(TraceSummary::id)
                .containsExactly(traceId(T0, 1), traceId(T0.plusSeconds(60), 2));
        assertThat(page1.tracesProcessedCount()).isEqualTo(4);
        GetTraceSummariesResponse page2 = service.reads().getTraceSummaries(CTX,
                GetTraceSummariesRequest.builder().startTime(T0).endTime(T0.plusSeconds(200))
                        .nextToken(page1.nextToken()).build());
        assertThat(page2.traceSummaries()).extracting(TraceSummary::id)
                .containsExactly(traceId(T0.plusSeconds(120), 3), traceId(T0.plusSeconds(180), 4));
        assertThat(page2.nextToken()).isNull();
        List<TraceSummary> byTraceId = service.reads().getTraceSummaries(CTX,
                GetTraceSummariesRequest.builder().startTime(T0.plusSeconds(60)).endTime(T0.plusSeconds(120))
                        .timeRangeType("TraceId").build()).traceSummaries();
        assertThat(byTraceId).extracting(TraceSummary::id).containsExactly(traceId(T0.plusSeconds(60), 2));
        assertThat(summaries(T0.plusSeconds(1000), T0.plusSeconds(2000))).isEmpty();
        assertThat(service.reads().getTraceSummaries(context("111111111111", "us-east-1", "xray", "T"),
                GetTraceSummariesRequest.builder().startTime(T0).endTime(T0.plusSeconds(200)).build())
                .traceSummaries()).isEmpty();
    }

    @Test
    void summaryRequestsAreValidated() {
        TraceReads reads = service.reads();
        assertAwsError(() -> reads.getTraceSummaries(CTX, GetTraceSummariesRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "2 validation errors detected: Value null at 'startTime' failed to "
                        + "satisfy constraint: Member must not be null; Value null at 'endTime' failed to satisfy "
                        + "constraint: Member must not be null");
        assertAwsError(() -> reads.getTraceSummaries(CTX, GetTraceSummariesRequest.builder().startTime(T0)
                .endTime(T0.plus(Duration.ofHours(25))).build()), AwsError.XRAY_INVALID_REQUEST,
                "Time range between StartTime and EndTime must be 24 hours or less");
        assertAwsError(() -> reads.getTraceSummaries(CTX, GetTraceSummariesRequest.builder().startTime(T0)
                .endTime(T0.plusSeconds(1)).filterExpression("latency > 5").build()),
                AwsError.XRAY_INVALID_REQUEST, "Invalid filter expression: Unknown keyword \"latency\" at position 0");
        assertAwsError(() -> reads.getTraceSummaries(CTX, GetTraceSummariesRequest.builder().startTime(T0)
                .endTime(T0.plusSeconds(1)).timeRangeType("Bogus").build()), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value at 'timeRangeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [TraceId, Event, Service]");
    }

    @Test
    void survivesRestart() throws IOException {
        String trace = traceId(T0, 1);
        put(segment(trace, 1, null, "web", S0, S0 + 1, ",\"annotations\":{\"n\":5}"));
        service.close();
        fixture.restart();
        service = newService(2);
        assertThat(summaries(T0.minusSeconds(1), T0.plusSeconds(5))).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(trace);
            assertThat(s.annotations().get("n").get(0).annotationValue().numberValue()).isEqualTo(5.0);
        });
        assertThat(service.reads().batchGetTraces(CTX, BatchGetTracesRequest.builder().traceIds(trace)
                .build()).traces()).hasSize(1);
    }

    @Test
    void forgetsTracesAfterThirtyDays() throws IOException {
        String old = traceId(T0, 1);
        put(segment(old, 1, null, "web", S0, S0 + 1, ""));
        fixture.clock.advance(Duration.ofDays(29));
        Instant later = fixture.clock.instant();
        String recent = traceId(later, 2);
        put(segment(recent, 2, null, "web", Segments.seconds(later), Segments.seconds(later) + 1, ""));
        fixture.clock.advance(Duration.ofDays(1).plusHours(1));
        scheduler.runDue();
        assertThat(service.traceCount()).isEqualTo(1);
        assertThat(service.reads().batchGetTraces(CTX, BatchGetTracesRequest.builder()
                .traceIds(old, recent).build()).unprocessedTraceIds()).containsExactly(old);
        service.close();
        service = newService(2);
        assertThat(service.traceCount()).isEqualTo(1);
    }

    @Test
    void storesTelemetryCounts() {
        service.putTelemetryRecords(CTX, PutTelemetryRecordsRequest.builder().hostname("host-1")
                .telemetryRecords(TelemetryRecord.builder().timestamp(T0).segmentsReceivedCount(10)
                        .segmentsSentCount(9).segmentsRejectedCount(1).build()).build());
        assertThat(fixture.journal.table("xray.telemetry", TelemetryTotals.class)
                .get("000000000000/us-east-1/host-1")).hasValueSatisfying(t -> {
                    assertThat(t.segmentsReceived()).isEqualTo(10);
                    assertThat(t.segmentsRejected()).isEqualTo(1);
                });
    }
}
