package io.watchpost.xray.daemon;

import static io.watchpost.xray.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.sampling.SamplingTargetsService;
import io.watchpost.xray.traces.TraceService;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.BatchGetTracesRequest;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;

class XrayDaemonTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final String HEADER = "{\"format\":\"json\",\"version\":1}\n";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService traces;
    private XrayDaemon daemon;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        traces = new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS);
        SamplingRulesService rules = new SamplingRulesService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
        daemon = new XrayDaemon(traces, rules, new SamplingTargetsService(rules, fixture.clock), "000000000000",
                "us-east-1", fixture.clock);
        port = daemon.start("127.0.0.1", 0);
    }

    @AfterEach
    void tearDown() throws IOException {
        daemon.close();
        daemon.close();
        traces.close();
        fixture.close();
    }

    private static String traceId(int n) {
        return String.format("1-%08x-%024x", Fixture.START.getEpochSecond(), n);
    }

    private static String segment(int n) {
        double start = Fixture.START.toEpochMilli() / 1000.0;
        return "{\"trace_id\":\"" + traceId(n) + "\",\"id\":\"" + String.format("%016x", n)
                + "\",\"name\":\"udp-app\",\"start_time\":" + start + ",\"end_time\":" + (start + 0.25) + "}";
    }

    private void send(byte[] datagram) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    private BatchGetTracesResponse awaitTrace(String traceId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            BatchGetTracesResponse response = (BatchGetTracesResponse) traces.handlers()
                    .find(BatchGetTracesRequest.class).orElseThrow()
                    .handle(CTX, BatchGetTracesRequest.builder().traceIds(traceId).build());
            if (!response.traces().isEmpty() || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(5); // waiting for the UDP receiver thread, not for clock time
        }
    }

    @Test
    void segmentsArriveOverUdpAndGarbageIsDropped() throws Exception {
        send("garbage".getBytes(StandardCharsets.UTF_8));
        send((HEADER + "x").getBytes(StandardCharsets.UTF_8));
        send(("{\"format\":\"xml\"}\n" + segment(9)).getBytes(StandardCharsets.UTF_8));
        send((HEADER + "a".repeat(65_000)).getBytes(StandardCharsets.UTF_8)); // near the UDP payload limit
        send((HEADER + segment(1)).getBytes(StandardCharsets.UTF_8));
        BatchGetTracesResponse response = awaitTrace(traceId(1));
        assertThat(response.traces()).singleElement().satisfies(trace -> {
            assertThat(trace.duration()).isEqualTo(0.25);
            assertThat(trace.segments().get(0).document()).contains("udp-app");
        });
        assertThat(awaitTraceNow(traceId(9)).traces()).isEmpty();
        assertThat(daemon.droppedDatagrams()).isGreaterThanOrEqualTo(4);
        assertThat(daemon.acceptedDatagrams()).isEqualTo(1);
    }

    private BatchGetTracesResponse awaitTraceNow(String traceId) {
        return (BatchGetTracesResponse) traces.handlers().find(BatchGetTracesRequest.class).orElseThrow()
                .handle(CTX, BatchGetTracesRequest.builder().traceIds(traceId).build());
    }

    @Test
    void servesTheSamplingProxyOverTcp() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            JsonNode rules = post(client, "/GetSamplingRules", "{}", 200);
            JsonNode rule = rules.path("SamplingRuleRecords").get(0);
            assertThat(rule.path("SamplingRule").path("RuleName").asText()).isEqualTo("Default");
            assertThat(rule.path("SamplingRule").path("ReservoirSize").asInt()).isEqualTo(1);
            assertThat(rule.path("SamplingRule").path("FixedRate").asDouble()).isEqualTo(0.05);
            assertThat(rule.path("CreatedAt").isNumber()).isTrue();

            JsonNode targets = post(client, "/SamplingTargets", "{\"SamplingStatisticsDocuments\":[{\"RuleName\":"
                    + "\"Default\",\"ClientID\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"Timestamp\":"
                    + Fixture.START.getEpochSecond() + ",\"RequestCount\":10,\"SampledCount\":1,\"BorrowCount\":1}]}",
                    200);
            JsonNode target = targets.path("SamplingTargetDocuments").get(0);
            assertThat(target.path("RuleName").asText()).isEqualTo("Default");
            assertThat(target.path("ReservoirQuota").asInt()).isEqualTo(1);
            assertThat(target.path("FixedRate").asDouble()).isEqualTo(0.05);
            assertThat(target.path("Interval").asInt()).isEqualTo(10);
            assertThat(target.path("ReservoirQuotaTTL").asDouble())
                    .isEqualTo(Fixture.START.getEpochSecond() + 10.0);

            JsonNode invalid = post(client, "/SamplingTargets", "{}", 400);
            assertThat(invalid.path("__type").asText()).isEqualTo("InvalidRequestException");
            post(client, "/SamplingTargets", "not json", 400);
            post(client, "/Other", "{}", 404);
        }
    }

    private JsonNode post(HttpClient client, String path, String body, int status) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return MAPPER.readTree(response.body());
    }
}
