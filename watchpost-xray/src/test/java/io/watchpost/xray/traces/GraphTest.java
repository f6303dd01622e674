package io.watchpost.xray.traces;

import static io.watchpost.xray.Fixture.context;
import static io.watchpost.xray.traces.Segments.id;
import static io.watchpost.xray.traces.Segments.segment;
import static io.watchpost.xray.traces.Segments.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetTraceGraphRequest;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.Service;

class GraphTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final Instant T0 = Fixture.START;
    private static final double S0 = Segments.seconds(T0);

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

    /** web (EC2) calls orders over HTTP (orders sends its own segment) and DynamoDB; orders calls a remote API. */
    private String putTrace(int n, boolean fault) {
        String trace = traceId(T0, n);
        int base = n * 10;
        String web = segment(trace, base, null, "web", S0, S0 + 0.5, ",\"origin\":\"AWS::EC2::Instance\","
                + "\"subsegments\":[{\"id\":\"" + id(base + 1) + "\",\"name\":\"orders\",\"namespace\":\"remote\","
                + "\"start_time\":" + S0 + ",\"end_time\":" + (S0 + 0.3) + "},{\"id\":\"" + id(base + 2)
                + "\",\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"start_time\":" + (S0 + 0.3) + ",\"end_time\":"
                + (S0 + 0.4) + "}]");
        String orders = segment(trace, base + 3, id(base + 1), "orders", S0 + 0.01, S0 + 0.29,
                (fault ? ",\"fault\":true" : "") + ",\"subsegments\":[{\"id\":\"" + id(base + 4)
                        + "\",\"name\":\"api.example.com\",\"namespace\":\"remote\",\"start_time\":" + (S0 + 0.02)
                        + ",\"end_time\":" + (S0 + 0.1) + ",\"http\":{\"response\":{\"status\":429}}}]");
        assertThat(service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder()
                .traceSegmentDocuments(web, orders).build()).unprocessedTraceSegments()).isEmpty();
        return trace;
    }

    @Test
    void traceGraphDrawsServicesAndCalls() {
        String trace = putTrace(1, false);
        List<Service> services = service.reads().getTraceGraph(CTX, GetTraceGraphRequest.builder()
                .traceIds(trace).build()).services();
        Map<String, Service> byType = services.stream().collect(Collectors.toMap(
                s -> s.name() + "|" + s.type(), Function.identity()));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("web|client", "web|AWS::EC2::Instance",
                "orders|null", "DynamoDB|AWS::DynamoDB", "api.example.com|remote");
        Service web = byType.get("web|AWS::EC2::Instance");
        assertThat(web.root()).isTrue();
        assertThat(web.names()).containsExactly("web");
        assertThat(web.accountId()).isEqualTo("000000000000");
        assertThat(targets(web, services)).containsExactlyInAnyOrder("orders", "DynamoDB");
        assertThat(targets(byType.get("web|client"), services)).containsExactly("web");
        Service orders = byType.get("orders|null");
        assertThat(orders.summaryStatistics().totalCount()).isEqualTo(1);
        assertThat(orders.summaryStatistics().okCount()).isEqualTo(1);
        Edge remote = orders.edges().get(0);
        assertThat(remote.summaryStatistics().errorStatistics().throttleCount()).isEqualTo(1);
        assertThat(remote.responseTimeHistogram()).singleElement().satisfies(h -> {
            assertThat(h.value()).isEqualTo(0.08);
            assertThat(h.count()).isEqualTo(1);
        });
    }

    @Test
    void serviceGraphAggregatesTracesInTheRange() {
        putTrace(1, false);
        putTrace(2, true);
        List<Service> services = service.reads().getServiceGraph(CTX, GetServiceGraphRequest.builder()
                .startTime(T0.minusSeconds(60)).endTime(T0.plusSeconds(60)).build()).services();
        Service orders = services.stream().filter(s -> s.name().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.summaryStatistics().totalCount()).isEqualTo(2);
        assertThat(orders.summaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        Service web = services.stream().filter(s -> "AWS::EC2::Instance".equals(s.type())).findFirst().orElseThrow();
        Edge toOrders = web.edges().stream().filter(e -> services.get(e.referenceId()).name().equals("orders"))
                .findFirst().orElseThrow();
        assertThat(toOrders.summaryStatistics().totalCount()).isEqualTo(2);
        assertThat(toOrders.summaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        assertThat(service.reads().getServiceGraph(CTX, GetServiceGraphRequest.builder()
                .startTime(T0.plusSeconds(60)).endTime(T0.plusSeconds(120)).build()).services()).isEmpty();
    }

    private static List<String> targets(Service from, List<Service> services) {
        return from.edges().stream().map(e -> services.get(e.referenceId()).name()).toList();
    }
}
