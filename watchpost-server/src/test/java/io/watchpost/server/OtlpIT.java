package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The OTLP/HTTP traces endpoint fed by the real OpenTelemetry Java SDK and its OTLP exporter (random W3C trace
 * ids), read back as X-Ray traces with the SDK v2 {@link XRayClient}; the JSON encoding and refusals over raw HTTP.
 */
class OtlpIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    private static String xrayTraceId(String w3c) {
        return "1-" + w3c.substring(0, 8) + "-" + w3c.substring(8);
    }

    @Test
    void spansFromTheOpenTelemetrySdkBecomeXrayTraces() throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        String traceId;
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(server.endpoint() + "/v1/traces").build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "orders-service"))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("watchpost-it");
            Span server = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.request.method", "GET")
                    .setAttribute("url.full", "https://shop.example.com/orders")
                    .setAttribute("http.response.status_code", 500L)
                    .setAttribute(AttributeKey.stringArrayKey("aws.xray.annotations"), List.of("customer"))
                    .setAttribute("customer", "alice").startSpan();
            traceId = server.getSpanContext().getTraceId();
            Scope scope = server.makeCurrent();
            try {
                Span client = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                        .setAttribute("peer.service", "inventory").startSpan();
                client.end();
            } finally {
                scope.close();
            }
            server.recordException(new IllegalStateException("out of stock"));
            server.setStatus(StatusCode.ERROR);
            server.end();
            assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        }
        String xrayId = xrayTraceId(traceId);

        List<TraceSummary> summaries = xray.getTraceSummaries(r -> r.startTime(before)
                .endTime(Instant.now().plusSeconds(5)).filterExpression("annotation.customer = \"alice\""))
                .traceSummaries();
        assertThat(summaries).extracting(TraceSummary::id).containsExactly(xrayId);
        assertThat(summaries.get(0).hasFault()).isTrue();
        assertThat(summaries.get(0).http().httpStatus()).isEqualTo(500);
        assertThat(summaries.get(0).http().httpURL()).isEqualTo("https://shop.example.com/orders");

        var trace = xray.batchGetTraces(r -> r.traceIds(xrayId)).traces();
        assertThat(trace).singleElement().satisfies(t -> assertThat(t.segments()).hasSize(1));
        JsonNode segment = MAPPER.readTree(trace.get(0).segments().get(0).document());
        assertThat(segment.get("name").asText()).isEqualTo("orders-service");
        assertThat(segment.at("/cause/exceptions/0/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(segment.at("/cause/exceptions/0/message").asText()).isEqualTo("out of stock");
        assertThat(segment.at("/subsegments/0/name").asText()).isEqualTo("inventory");

        List<Service> graph = xray.getServiceGraph(r -> r.startTime(before).endTime(Instant.now().plusSeconds(5)))
                .services();
        assertThat(graph).extracting(Service::name).contains("orders-service", "inventory");
    }

    @Test
    void jsonExportsArePartlyAcceptedAndBadRequestsRefused() throws Exception {
        long now = Instant.now().toEpochMilli() * 1_000_000L;
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-svc"}}]},
                 "scopeSpans":[{"spans":[
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"GET /","kind":2,
                   "startTimeUnixNano":"%d","endTimeUnixNano":"%d"},
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"not-hex","name":"bad","kind":1,
                   "startTimeUnixNano":"%d","endTimeUnixNano":"%d"}]}]}]}
                """.formatted(now, now + 1_000_000, now, now + 1_000_000);
        HttpResponse<byte[]> response = RawHttp.post(server.endpoint(), "/v1/traces",
                json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.at("/partialSuccess/rejectedSpans").asText()).isEqualTo("1");
        assertThat(body.at("/partialSuccess/errorMessage").asText()).contains("invalid span id");
        assertThat(xray.batchGetTraces(r -> r.traceIds("1-5b8efff7-98038103d269b633813fc60c")).traces())
                .singleElement().satisfies(t -> assertThat(t.segments().get(0).document()).contains("json-svc"));

        HttpResponse<byte[]> broken = RawHttp.post(server.endpoint(), "/v1/traces",
                "{\"resourceSpans\":".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(broken.body()).get("code").asInt()).isEqualTo(3);
        assertThat(RawHttp.post(server.endpoint(), "/v1/traces", new byte[1], "Content-Type", "text/plain")
                .statusCode()).isEqualTo(415);
        assertThat(RawHttp.send(server.endpoint(), "GET", "/v1/traces", null).statusCode()).isEqualTo(405);
    }
}
