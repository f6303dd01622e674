package io.watchpost.server;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.server.config.ServerConfig;
import io.watchpost.server.http.HttpServer;
import io.watchpost.store.StateJournal;
import io.watchpost.wire.RequestProcessor;
import io.watchpost.wire.WireLimits;
import io.watchpost.wire.auth.Authenticator;
import io.watchpost.wire.model.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running Watchpost: the object graph built by hand (no container), from the state journal up to the HTTP
 * port. {@link #start} returns once the port accepts requests; {@link #close} stops accepting, then closes the
 * stores so that every acknowledged write is on disk.
 */
public final class Watchpost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Watchpost.class.getName());

    private final StateJournal journal;
    private final Services services;
    private final HttpServer http;
    private final ScheduledExecutorService ticker;

    private Watchpost(StateJournal journal, Services services, HttpServer http, ScheduledExecutorService ticker) {
        this.journal = journal;
        this.services = services;
        this.http = http;
        this.ticker = ticker;
    }

    public static Watchpost start(ServerConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    public static Watchpost start(ServerConfig config, Clock clock) throws Exception {
        Files.createDirectories(config.dataDir());
        StateJournal journal = StateJournal.open(config.dataDir().resolve("state"), config.durability());
        Services services = null;
        try {
            PageTokens pageTokens = new PageTokens(secretKey(config.dataDir().resolve("page-token.key")));
            ClockScheduler scheduler = new ClockScheduler(clock);
            services = Services.create(journal, config, clock, pageTokens, scheduler);
            RequestProcessor processor = new RequestProcessor(ServiceCatalog.standard(),
                    services.handlersByEndpoint(), new Authenticator(config.auth(), clock),
                    config.cloudTrailRecording() ? services.recorder() : ApiCallRecorder.NONE, clock,
                    WireLimits.DEFAULT);
            Watchpost[] self = new Watchpost[1];
            HttpServer http = new HttpServer(config.host(), config.port(), processor, WireLimits.DEFAULT,
                    version(), config.developmentMode(), () -> self[0].reset(), services.otlpTraces());
            self[0] = new Watchpost(journal, services, http, startTicker(scheduler));
            http.start();
            return self[0];
        } catch (Exception | Error e) {
            if (services != null) {
                services.close();
            }
            journal.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** Blocks until every API call handled so far is in the CloudTrail record log (for tests). */
    public void flushAuditTrail() throws InterruptedException {
        services.cloudTrail().flush();
    }

    /** The X-Ray daemon's UDP/TCP port, or -1 when the daemon is off. */
    public int xrayDaemonPort() {
        return services.xrayDaemonPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Development reset: every resource of every service is gone, durably. */
    public void reset() {
        try {
            journal.wipe();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services.all().forEach(WatchpostService::afterReset);
        LOG.log(System.Logger.Level.INFO, "state reset");
    }

    public static String version() {
        String version = Watchpost.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                services.close();
            } finally {
                journal.close();
            }
        }
    }

    /**
     * Drives background work in production: the scheduler runs what its clock says is due, once a second, and at
     * once when a task is asked to run soon (an outbox that just received an item); wake-ups while one is pending
     * coalesce, so a burst of writes costs one extra pass, not one per write.
     */
    private static ScheduledExecutorService startTicker(ClockScheduler scheduler) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("watchpost-scheduler").daemon(true).factory());
        ticker.scheduleWithFixedDelay(scheduler::runDue, 1, 1, TimeUnit.SECONDS);
        AtomicBoolean pending = new AtomicBoolean();
        scheduler.onWake(() -> {
            if (pending.compareAndSet(false, true)) {
                try {
                    ticker.execute(() -> {
                        pending.set(false);
                        scheduler.runDue();
                    });
                } catch (RejectedExecutionException e) {
                    pending.set(false);  // shutting down
                }
            }
        });
        return ticker;
    }

    /** A random key kept in the data directory, so page tokens stay valid across restarts. */
    private static byte[] secretKey(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length >= 32) {
                return key;
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, key);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return key;
    }
}
