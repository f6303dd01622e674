package io.watchpost.xray.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.xray.Fixture;
import io.watchpost.xray.traces.TraceService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.BatchGetTracesRequest;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;

class OtlpTraceReceiverTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext CTX = Fixture.context("xray", "BatchGetTraces");
    private static final String PROTOBUF = "application/x-protobuf";
    private static final long START = Fixture.START.toEpochMilli() * 1_000_000L;
    /** A W3C trace id whose first 32 bits are no recent epoch: X-Ray's OTLP endpoint accepts it. */
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String XRAY_TRACE = "1-0af76519-16cd43dd8448eb211c80319c";

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService traces;
    private OtlpTraceReceiver receiver;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        traces = new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS);
        receiver = new OtlpTraceReceiver(traces, new Scope("000000000000", "us-east-1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        traces.close();
        fixture.close();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static Span.Builder span(String spanId, String parent, Span.SpanKind kind) {
        HexFormat hex = HexFormat.of();
        return Span.newBuilder().setTraceId(ByteString.copyFrom(hex.parseHex(TRACE)))
                .setSpanId(ByteString.copyFrom(hex.parseHex(spanId)))
                .setParentSpanId(parent.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(hex.parseHex(parent)))
                .setName("handler").setKind(kind).setStartTimeUnixNano(START).setEndTimeUnixNano(START + 300_000_000L);
    }

    private static byte[] request(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "checkout")))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build().toByteArray();
    }

    private JsonNode trace(String traceId) throws IOException {
        BatchGetTracesResponse response = (BatchGetTracesResponse) traces.handlers()
                .find(BatchGetTracesRequest.class).orElseThrow()
                .handle(CTX, BatchGetTracesRequest.builder().traceIds(traceId).build());
        assertThat(response.traces()).hasSize(1);
        assertThat(response.traces().get(0).segments()).hasSize(1);
        return MAPPER.readTree(response.traces().get(0).segments().get(0).document());
    }

    @Test
    void protobufSpansBecomeASegmentWithItsSubsegment() throws IOException {
        OtlpTraceReceiver.Response response = receiver.export("POST", PROTOBUF, null, request(
                span("00f067aa0ba902b7", "", Span.SpanKind.SPAN_KIND_SERVER)
                        .addAttributes(attribute("http.request.method", "GET"))
                        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)).build(),
                span("1111111111111111", "00f067aa0ba902b7", Span.SpanKind.SPAN_KIND_CLIENT)
                        .addAttributes(attribute("peer.service", "payments")).build()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(PROTOBUF);
        assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();

        JsonNode segment = trace(XRAY_TRACE);
        assertThat(segment.get("name").asText()).isEqualTo("checkout");
        assertThat(segment.get("fault").asBoolean()).isTrue();
        assertThat(segment.at("/http/request/method").asText()).isEqualTo("GET");
        assertThat(segment.at("/subsegments/0/name").asText()).isEqualTo("payments");
        assertThat(segment.at("/subsegments/0/namespace").asText()).isEqualTo("remote");
    }

    @Test
    void jsonUsesHexIdsEnumNumbersAndLowerCamelKeys() throws IOException {
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
                 "scopeSpans":[{"scope":{"name":"manual"},"spans":[{"traceId":"%s","spanId":"00f067aa0ba902b7",
                  "parentSpanId":"","name":"GET /","kind":2,"startTimeUnixNano":"%d","endTimeUnixNano":"%d",
                  "attributes":[{"key":"http.response.status_code","value":{"intValue":"503"}},
                   {"key":"retry","value":{"boolValue":true}}],
                  "status":{"code":2,"message":"upstream down"}}]}]}]}
                """.formatted(TRACE, START, START + 1_000_000L);
        OtlpTraceReceiver.Response response = receiver.export("POST", "application/json; charset=utf-8", null,
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        JsonNode segment = trace(XRAY_TRACE);
        assertThat(segment.get("name").asText()).isEqualTo("web");
        assertThat(segment.at("/http/response/status").asInt()).isEqualTo(503);
        assertThat(segment.get("fault").asBoolean()).isTrue();
        assertThat(segment.at("/cause/exceptions/0/message").asText()).isEqualTo("upstream down");
        assertThat(segment.at("/metadata/default/retry").asBoolean()).isTrue();
    }

    @Test
    void refusedSpansAreReportedAsPartialSuccess() throws IOException {
        Span bad = span("00f067aa0ba902b7", "", Span.SpanKind.SPAN_KIND_SERVER)
                .setSpanId(ByteString.copyFrom(new byte[3])).build();
        Span badTime = span("2222222222222222", "", Span.SpanKind.SPAN_KIND_SERVER).setEndTimeUnixNano(1).build();
        OtlpTraceReceiver.Response response = receiver.export("POST", PROTOBUF, null, request(
                span("1111111111111111", "", Span.SpanKind.SPAN_KIND_SERVER).build(), bad, badTime));
        assertThat(response.status()).isEqualTo(200);
        ExportTraceServiceResponse decoded = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(decoded.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
        assertThat(decoded.getPartialSuccess().getErrorMessage()).isEqualTo("invalid span id \"000000\"");
        assertThat(trace(XRAY_TRACE).get("id").asText()).isEqualTo("1111111111111111");

        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\",\"spanId\":\"1\"}]}]}]}";
        JsonNode partial = MAPPER.readTree(receiver.export("POST", "application/json", null,
                json.getBytes(StandardCharsets.UTF_8)).body());
        assertThat(partial.at("/partialSuccess/rejectedSpans").asText()).isEqualTo("1");
        assertThat(partial.at("/partialSuccess/errorMessage").asText()).isEqualTo("invalid trace id \"xyz\"");
    }

    @Test
    void gzipBodiesAreAccepted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(request(span("1111111111111111", "", Span.SpanKind.SPAN_KIND_SERVER).build()));
        }
        assertThat(receiver.export("POST", PROTOBUF, "gzip", bytes.toByteArray()).status()).isEqualTo(200);
        assertThat(trace(XRAY_TRACE).get("name").asText()).isEqualTo("checkout");
    }

    @Test
    void undecodableRequestsAreRefusedWholeWithAStatus() throws IOException {
        OtlpTraceReceiver.Response garbage = receiver.export("POST", PROTOBUF, null, new byte[] {(byte) 0xff, 1, 2});
        assertThat(garbage.status()).isEqualTo(400);
        CodedInputStream status = CodedInputStream.newInstance(garbage.body());
        assertThat(status.readTag()).isEqualTo(8);
        assertThat(status.readInt32()).isEqualTo(3);
        assertThat(status.readTag()).isEqualTo(18);
        assertThat(status.readString()).startsWith("Invalid protobuf ExportTraceServiceRequest");

        OtlpTraceReceiver.Response json = receiver.export("POST", "application/json", null,
                "{\"resourceSpans\":".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(400);
        assertThat(MAPPER.readTree(json.body()).get("code").asInt()).isEqualTo(3);

        String deep = "{\"resourceSpans\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThat(receiver.export("POST", "application/json", null, deep.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
        assertThat(receiver.export("POST", PROTOBUF, "br", new byte[0]).status()).isEqualTo(400);
        assertThat(receiver.export("POST", PROTOBUF, "gzip", new byte[] {1, 2, 3}).status()).isEqualTo(400);
    }

    @Test
    void methodTypeAndSizeAreChecked() throws IOException {
        assertThat(receiver.export("GET", PROTOBUF, null, new byte[0]).status()).isEqualTo(405);
        assertThat(receiver.export("POST", "text/plain", null, new byte[0]).status()).isEqualTo(415);
        assertThat(receiver.export("POST", PROTOBUF, null, null).status()).isEqualTo(413);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[OtlpTraceReceiver.MAX_BODY_BYTES + 1]);
        }
        assertThat(receiver.export("POST", PROTOBUF, "gzip", bomb.toByteArray()).status()).isEqualTo(413);
        assertThat(receiver.export("POST", PROTOBUF, null, new byte[0]).status()).isEqualTo(200);
    }
}
