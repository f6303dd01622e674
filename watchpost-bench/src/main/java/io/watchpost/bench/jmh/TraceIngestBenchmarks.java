package io.watchpost.bench.jmh;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.daemon.XrayDaemon;
import io.watchpost.xray.otlp.OtlpTraceReceiver;
import io.watchpost.xray.sampling.SamplingTargetsService;
import io.watchpost.xray.traces.TraceService;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;

/**
 * X-Ray ingestion into a real trace store (fresh temp directory, the system clock), in segments (spans) per
 * second; each path parses, validates, appends to the record log and indexes every document:
 * <ul>
 *   <li>{@code putTraceSegments}: the PutTraceSegments handler with 10 documents a call (the HTTP and SigV4 costs
 *       are in the load harness's PutTraceSegments workload instead);</li>
 *   <li>{@code udpDaemon}: datagrams over loopback UDP to the built-in daemon, {@value #UDP_WINDOW} in flight at
 *       most so that the socket buffer does not drop one (a lost one fails the run after 30 s); an invocation ends
 *       when the daemon accepted all {@value #UDP_BATCH};</li>
 *   <li>{@code otlpProtobuf}: the OTLP receiver given a 100-span protobuf export (10 traces of a server span and 9
 *       client spans; decoding and translation included, HTTP not).</li>
 * </ul>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class TraceIngestBenchmarks {
    static final int SEGMENTS_PER_CALL = 10;
    static final int UDP_BATCH = 1000;
    static final int UDP_WINDOW = 50;
    static final int SPANS_PER_EXPORT = 100;
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final byte[] HEADER = "{\"format\":\"json\",\"version\":1}\n".getBytes(StandardCharsets.UTF_8);

    private Path directory;
    private StateJournal journal;
    private TraceService traces;
    private XrayDaemon daemon;
    private DatagramSocket socket;
    private InetAddress loopback;
    private int port;
    private OtlpTraceReceiver otlp;
    private final SplittableRandom random = new SplittableRandom(7);
    private final List<byte[]> exports = new ArrayList<>();
    private int nextExport;
    private RequestContext context;

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("watchpost-jmh-xray-ingest");
        Clock clock = Clock.systemUTC();
        journal = StateJournal.open(directory.resolve("journal"), Durability.PROCESS);
        PageTokens tokens = new PageTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        traces = new TraceService(journal, directory, clock, new ClockScheduler(clock), tokens);
        SamplingRulesService rules = new SamplingRulesService(journal, clock, tokens);
        daemon = new XrayDaemon(traces, rules, new SamplingTargetsService(rules, clock), SCOPE.accountId(),
                SCOPE.region(), clock);
        port = daemon.start("127.0.0.1", 0);
        socket = new DatagramSocket();
        loopback = InetAddress.getLoopbackAddress();
        otlp = new OtlpTraceReceiver(traces, SCOPE);
        for (int i = 0; i < 64; i++) {
            exports.add(export());
        }
        context = new RequestContext("bench", new Principal("AKID", SCOPE.accountId(), "bench"), SCOPE.region(),
                "xray", "PutTraceSegments", "127.0.0.1", "jmh", Instant.now());
    }

    private String segment() {
        double now = System.currentTimeMillis() / 1000.0;
        String traceId = String.format("1-%08x-%024x", (long) now, random.nextLong() & Long.MAX_VALUE);
        return "{\"name\":\"checkout\",\"id\":\"" + String.format("%016x", random.nextLong()) + "\",\"trace_id\":\""
                + traceId + "\",\"start_time\":" + (now - 0.05) + ",\"end_time\":" + now
                + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"https://shop.example.com/cart\"},"
                + "\"response\":{\"status\":200}},\"annotations\":{\"tier\":\"gold\",\"items\":3}}";
    }

    private byte[] export() {
        ScopeSpans.Builder spans = ScopeSpans.newBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int t = 0; t < SPANS_PER_EXPORT / 10; t++) {
            byte[] traceId = new byte[16];
            random.nextBytes(traceId);
            ByteString root = id();
            spans.addSpans(span(traceId, root, ByteString.EMPTY, Span.SpanKind.SPAN_KIND_SERVER, now)
                    .addAttributes(text("http.request.method", "GET"))
                    .addAttributes(text("url.full", "https://shop.example.com/cart")));
            for (int c = 0; c < 9; c++) {
                spans.addSpans(span(traceId, id(), root, Span.SpanKind.SPAN_KIND_CLIENT, now)
                        .addAttributes(text("peer.service", "svc-" + c)));
            }
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(text("service.name", "checkout")))
                .addScopeSpans(spans)).build().toByteArray();
    }

    private ByteString id() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        id[0] |= 1;
        return ByteString.copyFrom(id);
    }

    private static Span.Builder span(byte[] traceId, ByteString id, ByteString parent, Span.SpanKind kind, long now) {
        return Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(id).setParentSpanId(parent)
                .setName("GET /cart").setKind(kind).setStartTimeUnixNano(now).setEndTimeUnixNano(now + 5_000_000L);
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS_PER_CALL)
    public Object putTraceSegments() {
        List<String> documents = new ArrayList<>(SEGMENTS_PER_CALL);
        for (int i = 0; i < SEGMENTS_PER_CALL; i++) {
            documents.add(segment());
        }
        return traces.handlers().find(PutTraceSegmentsRequest.class).orElseThrow().handle(context,
                PutTraceSegmentsRequest.builder().traceSegmentDocuments(documents).build());
    }

    @Benchmark
    @OperationsPerInvocation(UDP_BATCH)
    public long udpDaemon() throws Exception {
        long start = daemon.acceptedDatagrams();
        long target = start + UDP_BATCH;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < UDP_BATCH; i++) {
            while (daemon.acceptedDatagrams() < start + i - UDP_WINDOW) {
                checkLost(deadline, target);
                Thread.onSpinWait();
            }
            byte[] body = segment().getBytes(StandardCharsets.UTF_8);
            byte[] datagram = new byte[HEADER.length + body.length];
            System.arraycopy(HEADER, 0, datagram, 0, HEADER.length);
            System.arraycopy(body, 0, datagram, HEADER.length, body.length);
            socket.send(new DatagramPacket(datagram, datagram.length, loopback, port));
        }
        while (daemon.acceptedDatagrams() < target) {
            checkLost(deadline, target);
            Thread.onSpinWait();
        }
        return daemon.acceptedDatagrams();
    }

    /** A datagram the socket buffer dropped would stall the window: fail the run instead of waiting forever. */
    private void checkLost(long deadline, long target) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("datagrams lost: " + (target - daemon.acceptedDatagrams()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SPANS_PER_EXPORT)
    public OtlpTraceReceiver.Response otlpProtobuf() {
        byte[] body = exports.get(nextExport++ % exports.size());
        return otlp.export("POST", "application/x-protobuf", null, body);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        socket.close();
        daemon.close();
        traces.close();
        journal.close();
        TempDirs.delete(directory);
    }
}
