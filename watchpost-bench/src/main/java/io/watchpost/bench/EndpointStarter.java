package io.watchpost.bench;

import io.watchpost.bench.workload.ServiceClients;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Starts a server and waits, with a bounded poll, for its first successful API call (DescribeLogGroups, which
 * every endpoint serves); that wait is the start-up figure. Idle memory is read a moment later, before any load.
 */
final class EndpointStarter {
    static final Duration READY_LIMIT = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 10;
    private static final long SETTLE_MILLIS = 1_000;

    private final ProcStats proc;
    private final int connections;
    private final Duration callTimeout;
    private final PrintStream log;

    EndpointStarter(ProcStats proc, int connections, Duration callTimeout, PrintStream log) {
        this.proc = proc;
        this.connections = connections;
        this.callTimeout = callTimeout;
        this.log = log;
    }

    /** A started endpoint, measured; the server is stopped again when it does not become ready. */
    Endpoint launched(LaunchedServer server) throws IOException {
        ServiceClients clients = ServiceClients.connect(server.uri(), connections, callTimeout);
        Endpoint endpoint = new Endpoint(server.name(), server.uri(), clients, Optional.of(server),
                OptionalLong.of(server.pid()));
        try {
            double startMillis = awaitFirstSuccess(server, clients);
            endpoint.startup(new ResultTable.StartupRow(server.name(), startMillis, idleRss(server.pid())));
            log.printf("bench: %s ready at %s after %.0f ms (pid %d)%n", server.name(), server.uri(), startMillis,
                    server.pid());
            return endpoint;
        } catch (IOException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }

    /** An already-running endpoint; idle memory only when its pid was given. */
    Endpoint external(BenchArgs.ExternalEndpoint external, OptionalLong pid) {
        ServiceClients clients = ServiceClients.connect(external.uri(), connections, callTimeout);
        Endpoint endpoint = new Endpoint(external.name(), external.uri(), clients, Optional.empty(), pid);
        double rss = pid.isPresent() ? idleRss(pid.getAsLong()) : Double.NaN;
        endpoint.startup(new ResultTable.StartupRow(external.name(), Double.NaN, rss));
        return endpoint;
    }

    private double awaitFirstSuccess(LaunchedServer server, ServiceClients clients) throws IOException {
        long limit = server.startNanos() + READY_LIMIT.toNanos();
        String lastError = "no answer";
        for (int attempt = 0; attempt < READY_LIMIT.toMillis() / POLL_MILLIS && System.nanoTime() < limit; attempt++) {
            if (!server.isAlive()) {
                throw new IOException(server.name() + " exited during start-up:\n" + server.logTail());
            }
            try {
                clients.logs().describeLogGroups(r -> r.limit(1));
                return (System.nanoTime() - server.startNanos()) / 1e6;
            } catch (SdkException e) {
                lastError = ErrorCodes.detail(e);
            }
            pause(POLL_MILLIS);
        }
        throw new IOException(server.name() + " did not answer DescribeLogGroups within " + READY_LIMIT.toSeconds()
                + " s (last: " + lastError + "):\n" + server.logTail());
    }

    private double idleRss(long pid) {
        pause(SETTLE_MILLIS); // let start-up work (JIT, class loading, lazy init) finish before reading memory
        return proc.sample(pid).map(s -> s.rssBytes() / (1024.0 * 1024.0)).orElse(Double.NaN);
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
