package io.watchpost.bench.jmh;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import io.watchpost.xray.traces.TraceService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;

/**
 * X-Ray reads over one million segment documents in a real trace store (fresh temp directory): 200,000 traces of
 * one hour, each a {@code frontend} segment calling 4 of 40 services (4 remote subsegments) plus those 4 services'
 * own segments. The root carries annotations {@code customer} (1,000 values) and {@code tier} (3); 1% of traces
 * fault. Scores are ms per call:
 * <ul>
 *   <li>{@code summariesByService}: first page (100) of {@code service("svc-7")} over the hour (term index);</li>
 *   <li>{@code summariesByAnnotation}: first page of {@code annotation.customer = "c-42"} (term index);</li>
 *   <li>{@code summariesScan}: {@code responsetime > 1000}, which no index can narrow and nothing matches: every
 *       trace of the hour is tested (the cost the index saves);</li>
 *   <li>{@code serviceGraph}: GetServiceGraph of the hour, every trace drawn;</li>
 *   <li>{@code serviceGraphOfGroup}: GetServiceGraph of a group whose expression is {@code service("svc-7")}.</li>
 * </ul>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
public class TraceQueryBenchmarks {
    static final int TRACES = 200_000;
    static final int SERVICES = 40;
    static final int CALLS = 4;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final RequestContext CONTEXT = new RequestContext("bench",
            new Principal("AKID", SCOPE.accountId(), "bench"), SCOPE.region(), "xray", "bench", "127.0.0.1", "jmh",
            T0);

    private Path directory;
    private StateJournal journal;
    private TraceService traces;

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("watchpost-jmh-xray");
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
        journal = StateJournal.open(directory.resolve("journal"), Durability.PROCESS);
        traces = new TraceService(journal, directory, clock, new ClockScheduler(clock),
                new PageTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        long segments = seed(traces);
        if (segments != (long) TRACES * (1 + CALLS)) {
            throw new IllegalStateException("seeded " + segments + " segments");
        }
        traces.handlers().find(CreateGroupRequest.class).orElseThrow().handle(CONTEXT, CreateGroupRequest.builder()
                .groupName("svc7").filterExpression("service(\"svc-7\")").build());
    }

    /** Ingests every trace's documents; returns how many were accepted. */
    static long seed(TraceService traces) {
        SplittableRandom random = new SplittableRandom(42);
        long accepted = 0;
        double t0 = T0.getEpochSecond();
        for (int i = 0; i < TRACES; i++) {
            double start = t0 + i * (3600.0 / TRACES);
            String traceId = String.format("1-%08x-%024x", (long) start, i);
            String rootId = String.format("%016x", (long) i << 8);
            StringBuilder calls = new StringBuilder();
            String[] children = new String[CALLS];
            for (int c = 0; c < CALLS; c++) {
                String service = "svc-" + random.nextInt(SERVICES);
                String callId = String.format("%016x", ((long) i << 8) | (c + 1));
                calls.append(c == 0 ? "" : ",").append("{\"id\":\"").append(callId).append("\",\"name\":\"")
                        .append(service).append("\",\"namespace\":\"remote\",\"start_time\":").append(start + 0.01)
                        .append(",\"end_time\":").append(start + 0.05).append('}');
                children[c] = "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + String.format("%016x",
                        ((long) i << 8) | (c + 0x10)) + "\",\"parent_id\":\"" + callId + "\",\"name\":\"" + service
                        + "\",\"start_time\":" + (start + 0.011) + ",\"end_time\":" + (start + 0.049) + "}";
            }
            boolean fault = random.nextInt(100) == 0;
            String root = "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + rootId + "\",\"name\":\"frontend\","
                    + "\"start_time\":" + start + ",\"end_time\":" + (start + 0.06) + (fault ? ",\"fault\":true" : "")
                    + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"https://shop/p/" + i % 97 + "\"},"
                    + "\"response\":{\"status\":" + (fault ? 500 : 200) + "}},\"annotations\":{\"customer\":\"c-"
                    + random.nextInt(1000) + "\",\"tier\":\"" + (i % 3 == 0 ? "gold" : "basic") + "\"},"
                    + "\"subsegments\":[" + calls + "]}";
            accepted += traces.ingest(SCOPE, root).isEmpty() ? 1 : 0;
            for (String child : children) {
                accepted += traces.ingest(SCOPE, child).isEmpty() ? 1 : 0;
            }
        }
        return accepted;
    }

    private GetTraceSummariesResponse summaries(String filter) {
        return (GetTraceSummariesResponse) traces.handlers().find(GetTraceSummariesRequest.class).orElseThrow()
                .handle(CONTEXT, GetTraceSummariesRequest.builder().startTime(T0).endTime(T0.plus(Duration.ofHours(1)))
                        .filterExpression(filter).build());
    }

    private GetServiceGraphResponse graph(String group) {
        return (GetServiceGraphResponse) traces.handlers().find(GetServiceGraphRequest.class).orElseThrow()
                .handle(CONTEXT, GetServiceGraphRequest.builder().startTime(T0).endTime(T0.plus(Duration.ofHours(1)))
                        .groupName(group).build());
    }

    @Benchmark
    public GetTraceSummariesResponse summariesByService() {
        return summaries("service(\"svc-7\")");
    }

    @Benchmark
    public GetTraceSummariesResponse summariesByAnnotation() {
        return summaries("annotation.customer = \"c-42\"");
    }

    @Benchmark
    public GetTraceSummariesResponse summariesScan() {
        return summaries("responsetime > 1000");
    }

    @Benchmark
    public GetServiceGraphResponse serviceGraph() {
        return graph(null);
    }

    @Benchmark
    public GetServiceGraphResponse serviceGraphOfGroup() {
        return graph("svc7");
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        traces.close();
        journal.close();
        TempDirs.delete(directory);
    }
}
