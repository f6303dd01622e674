package io.watchpost.cloudtrail.recorder;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.port.ApiCallRecorder.ApiCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** A recorder on a real temp directory with a hand-driven clock and scheduler and a seeded id generator. */
public final class RecorderFixture implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final Instant START = Instant.parse("2025-03-04T05:06:07.890Z");
    public static final Principal ALICE = new Principal("AKIAALICE0000000000A", ACCOUNT, "alice");

    public final MutableClock clock = new MutableClock(START);
    public final ClockScheduler scheduler = new ClockScheduler(clock);
    private final Path dir;
    private final RecorderConfig config;
    private CloudTrailRecorder recorder;
    private int requests;

    public RecorderFixture(Path dir) throws IOException {
        this(dir, RecorderConfig.defaults());
    }

    public RecorderFixture(Path dir, RecorderConfig config) throws IOException {
        this.dir = dir;
        this.config = config;
        this.recorder = open();
    }

    private CloudTrailRecorder open() throws IOException {
        return new CloudTrailRecorder(dir, config, clock, new Random(42), scheduler);
    }

    public CloudTrailRecorder recorder() {
        return recorder;
    }

    /** Closes (draining) and reopens the recorder on the same directory: a clean restart. */
    public void restart() throws IOException {
        recorder.close();
        recorder = open();
    }

    public static RequestContext context(Principal principal, String region, String operation, Instant at) {
        return new RequestContext("req-" + operation, principal, region, "svc", operation, "203.0.113.7",
                "aws-cli/2.22.0 Python/3.12.6", at);
    }

    /** Records a successful call made now by alice. */
    public void call(String source, String operation, boolean readOnly, String request, String response) {
        call(ALICE, REGION, source, operation, readOnly, request, response);
    }

    public void call(Principal principal, String region, String source, String operation, boolean readOnly,
            String request, String response) {
        requests++;
        RequestContext ctx = new RequestContext("req-" + requests, principal, region, "svc", operation,
                "203.0.113.7", "aws-cli/2.22.0 Python/3.12.6", clock.instant());
        recorder.record(new ApiCall(ctx, source, readOnly, () -> Optional.ofNullable(request),
                () -> Optional.ofNullable(response), Optional.empty(), Optional.empty()));
    }

    /** Everything recorded so far, in log order, after the writer caught up. */
    public List<StoredEvent> all() {
        List<StoredEvent> events = new ArrayList<>();
        try {
            recorder.flush();
            recorder.scan(Long.MIN_VALUE, Long.MAX_VALUE, events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Override
    public void close() throws IOException {
        recorder.close();
    }
}
