package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsResponse;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/** X-Ray segments over the API with the SDK v2 client: ingestion, traces, summaries with filters, graphs. */
class XRayIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static XRayClient xray;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        xray = server.client(XRayClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        xray.close();
        server.close();
    }

    static String traceId(Instant at) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "1-" + Long.toHexString(at.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }

    static String id() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void segmentsBecomeTracesAndSummaries() {
        Instant start = Instant.now().minusSeconds(30);
        String traceId = traceId(start);
        double begin = start.toEpochMilli() / 1000.0;
        String segment = "{\"name\":\"checkout\",\"id\":\"" + id() + "\",\"trace_id\":\"" + traceId + "\","
                + "\"start_time\":" + begin + ",\"end_time\":" + (begin + 0.25) + ","
                + "\"http\":{\"request\":{\"method\":\"POST\",\"url\":\"https://shop/cart\"},"
                + "\"response\":{\"status\":500}},\"fault\":true,"
                + "\"annotations\":{\"customer\":\"alice\"},"
                + "\"subsegments\":[{\"name\":\"db\",\"id\":\"" + id() + "\",\"start_time\":" + (begin + 0.01)
                + ",\"end_time\":" + (begin + 0.2) + ",\"namespace\":\"remote\"}]}";
        PutTraceSegmentsResponse put = xray.putTraceSegments(r -> r.traceSegmentDocuments(segment, "{not json"));
        assertThat(put.unprocessedTraceSegments()).hasSize(1);

        BatchGetTracesResponse traces = xray.batchGetTraces(r -> r.traceIds(traceId));
        assertThat(traces.traces()).singleElement().satisfies(trace -> {
            assertThat(trace.id()).isEqualTo(traceId);
            assertThat(trace.duration()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.001));
            assertThat(trace.segments()).hasSize(1);
        });

        List<TraceSummary> faults = xray.getTraceSummaries(r -> r.startTime(start.minus(1, ChronoUnit.MINUTES))
                .endTime(Instant.now().plusSeconds(5)).filterExpression("fault AND annotation.customer = \"alice\""))
                .traceSummaries();
        assertThat(faults).extracting(TraceSummary::id).containsExactly(traceId);
        assertThat(faults.get(0).http().httpStatus()).isEqualTo(500);

        List<TraceSummary> none = xray.getTraceSummaries(r -> r.startTime(start.minus(1, ChronoUnit.MINUTES))
                .endTime(Instant.now().plusSeconds(5)).filterExpression("http.status = 200")).traceSummaries();
        assertThat(none).isEmpty();

        var graph = xray.getServiceGraph(r -> r.startTime(start.minus(1, ChronoUnit.MINUTES))
                .endTime(Instant.now().plusSeconds(5)));
        assertThat(graph.services()).extracting(s -> s.name()).contains("checkout", "db");
    }

    @Test
    void traceIdEpochIsNotValidated() {
        // PutTraceSegments: the trace id's request time "is not required or validated"; W3C ids keep random bits there.
        Instant yearsAgo = Instant.parse("2016-11-04T21:02:41Z");
        String old = traceId(yearsAgo);
        String w3c = "1-" + id().substring(0, 8) + "-" + id() + id().substring(0, 8);
        String unknown = traceId(Instant.now());
        double begin = yearsAgo.toEpochMilli() / 1000.0;
        PutTraceSegmentsResponse put = xray.putTraceSegments(r -> r.traceSegmentDocuments(
                "{\"name\":\"example.com\",\"id\":\"" + id() + "\",\"trace_id\":\"" + old + "\",\"start_time\":"
                        + begin + ",\"in_progress\":true}",
                "{\"name\":\"example.com\",\"id\":\"" + id() + "\",\"trace_id\":\"" + w3c + "\",\"start_time\":"
                        + begin + ",\"end_time\":" + (begin + 1) + "}"));
        assertThat(put.unprocessedTraceSegments()).isEmpty();

        BatchGetTracesResponse traces = xray.batchGetTraces(r -> r.traceIds(old, w3c, unknown));
        assertThat(traces.traces()).extracting(trace -> trace.id()).containsExactlyInAnyOrder(old, w3c);
        assertThat(traces.unprocessedTraceIds()).containsExactly(unknown);
    }
}
