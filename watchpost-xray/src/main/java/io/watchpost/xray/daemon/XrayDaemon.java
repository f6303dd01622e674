package io.watchpost.xray.daemon;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchpost.core.AwsException;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.sampling.SamplingTargetsService;
import io.watchpost.xray.traces.TraceService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The X-Ray daemon, built in: UDP datagrams {@code {"format":"json","version":1}\n<segment document>} go through
 * the same ingestion as PutTraceSegments ({@link TraceService#ingest}), and TCP on the same port serves the
 * daemon's sampling proxy, {@code POST /GetSamplingRules} and {@code POST /SamplingTargets}, the calls the X-Ray
 * SDKs make to {@code AWS_XRAY_DAEMON_ADDRESS}. Everything arriving here belongs to one account and region (the
 * daemon is unauthenticated, as AWS's is). Datagrams are bounded at 64 KB; garbage is dropped and counted.
 *
 * <p>Threads: one platform thread receives datagrams; HTTP requests run on virtual threads. {@link #close()}
 * stops both and is idempotent.
 */
public final class XrayDaemon implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XrayDaemon.class.getName());
    static final int MAX_DATAGRAM_BYTES = 64 * 1024;
    private static final int BIND_ATTEMPTS = 20;

    private final TraceService traces;
    private final SamplingRulesService rules;
    private final SamplingTargetsService targets;
    private final Scope scope;
    private final Clock clock;
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private DatagramSocket udp;
    private HttpServer tcp;
    private ExecutorService executor;
    private Thread receiver;

    /** Serves {@code accountId}/{@code region}; the server passes its default account and {@code us-east-1}. */
    public XrayDaemon(TraceService traces, SamplingRulesService rules, SamplingTargetsService targets,
            String accountId, String region, Clock clock) {
        this.traces = requireNonNull(traces, "traces is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.scope = new Scope(accountId, region);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Binds UDP and TCP on {@code port} (0: a free port both can use) and returns the port bound. */
    public synchronized int start(String host, int port) throws IOException {
        if (udp != null) {
            throw new IllegalStateException("already started");
        }
        // Nagle + delayed ACK cost keep-alive clients ~40 ms a call (ARCHITECTURE §9); the JDK server reads this
        // property once, so it applies only if nothing created an HttpServer before.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        for (int attempt = 1; ; attempt++) {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, port));
            try {
                tcp = HttpServer.create(new InetSocketAddress(host, socket.getLocalPort()), 64);
                udp = socket;
                break;
            } catch (BindException e) {
                socket.close();
                if (port != 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        tcp.setExecutor(executor);
        tcp.createContext("/", this::serve);
        tcp.start();
        receiver = Thread.ofPlatform().daemon().name("xray-daemon-udp").start(this::receive);
        return udp.getLocalPort();
    }

    /** Segment documents received over UDP and accepted since start. */
    public long acceptedDatagrams() {
        return accepted.get();
    }

    /** Datagrams dropped as malformed since start. */
    public long droppedDatagrams() {
        return dropped.get();
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!udp.isClosed()) {
            try {
                packet.setLength(buffer.length);
                udp.receive(packet);
                accept(buffer, packet.getLength());
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                dropped.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, "dropped datagram", e);
            }
        }
    }

    private void accept(byte[] buffer, int length) {
        String body = DaemonHeader.body(buffer, length, MAX_DATAGRAM_BYTES);
        if (body == null) {
            dropped.incrementAndGet();
            return;
        }
        traces.ingest(scope, body).ifPresentOrElse(rejected -> {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "unprocessed segment {0}: {1}", rejected.id(), rejected.errorCode());
        }, accepted::incrementAndGet);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1 << 20);
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, DaemonJson.error("MethodNotAllowed", "Use POST"));
                return;
            }
            try {
                Object response = switch (path) {
                    case "/GetSamplingRules" -> call(rules, "GetSamplingRules", DaemonJson.rulesRequest(body));
                    case "/SamplingTargets" -> call(targets, "GetSamplingTargets", DaemonJson.targetsRequest(body));
                    default -> null;
                };
                if (response == null) {
                    respond(exchange, 404, DaemonJson.error("NotFound", "The daemon serves /GetSamplingRules and "
                            + "/SamplingTargets"));
                } else {
                    respond(exchange, 200, DaemonJson.write(response));
                }
            } catch (AwsException e) {
                respond(exchange, e.error().httpStatus(), DaemonJson.error(e.error().code(), e.getMessage()));
            } catch (IOException e) {
                respond(exchange, 400, DaemonJson.error("SerializationException", "Request body is not JSON"));
            }
        }
    }

    private Object call(WatchpostService service, String operation, Object request) {
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        RequestContext context = new RequestContext("daemon-" + requestIds.incrementAndGet(),
                new Principal("xray-daemon", scope.accountId(), "xray-daemon"), scope.region(), "xray", operation,
                "127.0.0.1", "xray-daemon", clock.instant());
        return handler.handle(context, request);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public synchronized void close() {
        if (udp == null) {
            return;
        }
        udp.close();
        tcp.stop(0);
        executor.close();
        try {
            receiver.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        udp = null;
    }
}
