package io.watchpost.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.RecorderConfig;
import io.watchpost.core.AwsError;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.port.ApiCallRecorder;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A TrailsService on a real journal in a temp directory, with a hand-driven clock; reopen() simulates a restart. */
final class Harness {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    static final Duration INTERVAL = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(START);
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    final MemoryObjectStore buckets = new MemoryObjectStore();
    final CollectingLogSink logs = new CollectingLogSink();
    final CollectingEventPublisher events = new CollectingEventPublisher();
    private final Path dir;
    private StateJournal journal;
    private CloudTrailRecorder recorder;
    private TrailsService service;
    private int requests;

    Harness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    /** One digest key per test JVM: RSA key generation dominates a test's run time otherwise. */
    private static byte[] sharedKey;

    private static synchronized byte[] sharedKey() throws Exception {
        if (sharedKey == null) {
            Path keys = java.nio.file.Files.createTempDirectory("cloudtrail-key");
            DigestSigner.open(keys, new MutableClock(START));
            sharedKey = java.nio.file.Files.readAllBytes(keys.resolve(DigestSigner.FILE));
        }
        return sharedKey;
    }

    private void open() throws Exception {
        Path keys = java.nio.file.Files.createDirectories(dir.resolve("keys"));
        if (!java.nio.file.Files.exists(keys.resolve(DigestSigner.FILE))) {
            java.nio.file.Files.write(keys.resolve(DigestSigner.FILE), sharedKey());
        }
        journal = StateJournal.open(dir.resolve("journal"), Durability.PROCESS);
        recorder = new CloudTrailRecorder(dir.resolve("events"), RecorderConfig.defaults(), clock, new Random(7),
                scheduler);
        service = new TrailsService(journal, clock, tokens, new TrailDeliveryConfig(dir.resolve("keys"), INTERVAL),
                buckets, recorder, logs, events, scheduler, new Random(11));
    }

    void reopen() throws Exception {
        close();
        open();
    }

    /** Records a successful call made now in the default scope, as the wire layer hands it over. */
    void record(String source, String operation, boolean readOnly, String requestJson) {
        requests++;
        RequestContext ctx = new RequestContext("req-" + requests, new Principal("AKID", ACCOUNT, "tester"), REGION,
                "svc", operation, "203.0.113.7", "aws-cli/2.22.0", clock.instant());
        recorder.record(new ApiCallRecorder.ApiCall(ctx, source, readOnly, () -> Optional.ofNullable(requestJson),
                Optional::empty, Optional.empty(), Optional.empty()));
    }

    /** Lets the recorder catch up, moves the clock and runs what the scheduler has due. */
    void advance(Duration by) throws Exception {
        recorder.flush();
        clock.advance(by);
        scheduler.runDue();
    }

    CloudTrailRecorder recorder() {
        return recorder;
    }

    TrailsService service() {
        return service;
    }

    /** Stores a trail directly, as CreateTrail will once it exists. */
    void seed(TrailRecord trail) {
        service.trails().put(new io.watchpost.core.Scope(trail.accountId(), trail.homeRegion()).key(trail.name()), trail);
    }

    static TrailRecord trail(String account, String region, String name, boolean multiRegion) {
        return new TrailRecord(name, account, region, "bucket-" + name, null, null, true, multiRegion, false, null,
                null, null, false, false, false, false, null, null);
    }

    static RequestContext context(String account, String region) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), region, "cloudtrail", "Op",
                "127.0.0.1", "test", START);
    }

    /** Calls the handler the service registered for the request's class, in the default scope. */
    <O> O call(Object request) {
        return call(context(ACCOUNT, REGION), request);
    }

    @SuppressWarnings("unchecked")
    <O> O call(RequestContext context, Object request) {
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        return (O) handler.handle(context, request);
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    void close() throws Exception {
        service.stopDelivery();
        recorder.close();
        journal.close();
    }
}
