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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * Filter expressions naming a service or an annotation are answered from the term index: the same traces as a
 * scan, but {@code TracesProcessedCount} counts only the traces the index admitted.
 */
class IndexedQueriesTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final Instant T0 = Fixture.START;
    private static final double S0 = Segments.seconds(T0);
    private static final int TRACES = 20;

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = open();
        List<String> documents = new ArrayList<>();
        for (int n = 1; n <= TRACES; n++) {
            String trace = traceId(T0, n);
            double start = S0 + n;
            String annotations = ",\"annotations\":{\"tier\":\"" + (n % 4 == 0 ? "gold" : "basic") + "\",\"n\":" + n
                    + (n == 5 ? ",\"zero\":-0.0" : "") + "}";
            documents.add(segment(trace, n, null, n % 5 == 0 ? "payments" : "web", start, start + 0.1,
                    annotations + (n == 7 ? ",\"fault\":true" : "")));
            if (n == 3) {
                // A remote call sent on its own, as OTLP and the SDKs' streaming do.
                documents.add(segment(trace, 100 + n, id(n), "ledger", start, start + 0.05,
                        ",\"type\":\"subsegment\",\"namespace\":\"remote\""));
            }
        }
        service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder().traceSegmentDocuments(documents).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        fixture.close();
    }

    private TraceService open() throws IOException {
        return new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS, 2);
    }

    /** Every page of the filter's summaries, and the processed count of the first page. */
    private Result query(String filter) {
        List<String> ids = new ArrayList<>();
        String token = null;
        long processed = -1;
        do {
            GetTraceSummariesResponse page = service.reads().getTraceSummaries(CTX, GetTraceSummariesRequest.builder()
                    .startTime(T0).endTime(T0.plus(Duration.ofMinutes(5))).filterExpression(filter).nextToken(token)
                    .build());
            processed = processed < 0 ? page.tracesProcessedCount() : processed;
            page.traceSummaries().stream().map(TraceSummary::id).forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        return new Result(ids, processed);
    }

    private record Result(List<String> ids, long processed) {}

    private static List<String> traces(int... numbers) {
        List<String> ids = new ArrayList<>();
        for (int n : numbers) {
            ids.add(traceId(T0, n));
        }
        return ids;
    }

    @Test
    void serviceFiltersTestOnlyTheTracesOfThatService() {
        Result payments = query("service(\"payments\")");
        assertThat(payments.ids()).isEqualTo(traces(5, 10, 15, 20));
        assertThat(payments.processed()).isEqualTo(4);
        assertThat(query("service(\"ledger\")")).isEqualTo(new Result(traces(3), 1));
        assertThat(query("edge(\"web\", \"ledger\")")).isEqualTo(new Result(traces(3), 1));
        assertThat(query("service(\"nobody\")")).isEqualTo(new Result(List.of(), 0));
    }

    @Test
    void annotationFiltersUseKeysAndValues() {
        assertThat(query("annotation.tier = \"gold\"")).isEqualTo(new Result(traces(4, 8, 12, 16, 20), 5));
        assertThat(query("annotation.zero = 0")).isEqualTo(new Result(traces(5), 1));
        assertThat(query("annotation.zero")).isEqualTo(new Result(traces(5), 1));
        assertThat(query("annotation.tier = \"gold\" AND service(\"payments\")"))
                .isEqualTo(new Result(traces(20), 1));
        assertThat(query("service(\"payments\") OR annotation.zero")).isEqualTo(new Result(traces(5, 10, 15, 20), 4));
    }

    @Test
    void unselectiveOrUnhintedFiltersScanTheRange() {
        assertThat(query("fault")).isEqualTo(new Result(traces(7), TRACES));
        Result web = query("service(\"web\")");
        assertThat(web.processed()).isEqualTo(TRACES);
        assertThat(web.ids()).hasSize(16);
        assertThat(query("annotation.n > 18")).isEqualTo(new Result(traces(19, 20), TRACES));
    }

    @Test
    void theIndexIsRebuiltAtStartupAndForgetsExpiredTraces() throws IOException {
        service.close();
        service = open();
        assertThat(query("service(\"payments\")")).isEqualTo(new Result(traces(5, 10, 15, 20), 4));
        fixture.clock.advance(TraceService.RETENTION.plusHours(2));
        service.enforceRetention();
        assertThat(service.traceCount()).isZero();
        assertThat(query("service(\"payments\")")).isEqualTo(new Result(List.of(), 0));
    }

    @Test
    void groupGraphsDrawOnlyTheIndexedTraces() {
        service.groups().createGroup(CTX, CreateGroupRequest.builder().groupName("pay")
                .filterExpression("service(\"payments\") AND annotation.tier = \"gold\"").build());
        List<Service> graph = service.reads().getServiceGraph(CTX, GetServiceGraphRequest.builder().groupName("pay")
                .startTime(T0).endTime(T0.plus(Duration.ofMinutes(5))).build()).services();
        assertThat(graph).extracting(Service::name).contains("payments").doesNotContain("web");
        assertThat(graph).filteredOn(s -> s.name().equals("payments") && s.type() == null).singleElement()
                .satisfies(node -> assertThat(node.summaryStatistics().totalCount()).isEqualTo(1));
    }
}
