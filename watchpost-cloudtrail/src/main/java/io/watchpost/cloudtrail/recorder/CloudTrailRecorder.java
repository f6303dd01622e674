package io.watchpost.cloudtrail.recorder;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Turns every handled API call into a CloudTrail record (ARCHITECTURE §3 step 6) and keeps 90 days of them in a
 * record log under its directory: key = {@link EventKey} (what LookupEvents filters on), value = the record JSON,
 * timestamp = {@code eventTime} (whole seconds, from the request's {@code receivedAt}).
 *
 * <p><b>Never blocks the caller.</b> {@link #record} only offers the call to a bounded queue; one platform thread
 * renders the JSON (calling the call's suppliers there), derives the lookup key and appends. When the queue is full
 * the call is dropped and counted ({@link #droppedCount()}, with a warning on the first drop and every 10,000th):
 * a stalled disk must slow CloudTrail, never the APIs it audits. Calls CloudTrail does not log
 * ({@link EventCategories}) are discarded on that thread.
 *
 * <p><b>Clean shutdown loses nothing:</b> {@link #close()} stops accepting calls, lets the thread drain the queue,
 * then closes the log. {@link #flush()} waits until every call accepted before it is readable.
 *
 * <p>Retention runs hourly on the {@link Scheduler}: sealed segments whose newest record is older than the
 * retention are deleted. Readers ({@link #scan}) are thread-safe and run concurrently with the writer.
 */
public final class CloudTrailRecorder implements ApiCallRecorder, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CloudTrailRecorder.class.getName());
    private static final ApiCall STOP = new ApiCall(new RequestContext("-", new Principal("-", "-", "-"), "-", "-",
            "-", "-", "-", Instant.EPOCH), "-", true, Optional::empty, Optional::empty, Optional.empty(),
            Optional.empty());

    private final RecordLog log;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration retention;
    private final BlockingQueue<ApiCall> queue;
    private final RecordRenderer renderer = new RecordRenderer();
    private final ResourceRules resources = new ResourceRules(new ObjectMapper());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private long processed; // guarded by progress
    private volatile boolean closing;
    private final Scheduler.Cancellable retentionTask;
    private final Thread writer;

    /**
     * Opens (or recovers) the record log in {@code directory} and starts the writer thread.
     *
     * @param random source of event ids; only the writer thread uses it
     */
    public CloudTrailRecorder(Path directory, RecorderConfig config, Clock clock, RandomGenerator random,
            Scheduler scheduler) throws IOException {
        requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.retention = config.retention();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.log = RecordLog.open(directory, RecordLogConfig.defaults().withClock(clock)
                .withDurability(config.durability()).withSegmentAge(config.segmentAge()));
        this.retentionTask = scheduler.schedule("cloudtrail-retention", clock.instant().plus(Duration.ofHours(1)),
                Duration.ofHours(1), this::applyRetention);
        this.writer = Thread.ofPlatform().daemon().name("cloudtrail-recorder").start(this::drain);
    }

    @Override
    public void record(ApiCall call) {
        requireNonNull(call, "call is null");
        if (closing || !queue.offer(call)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "CloudTrail recorder " + (closing ? "closed" : "queue full")
                        + ": " + count + " API call records dropped so far");
            }
            return;
        }
        accepted.incrementAndGet();
    }

    /** Calls dropped because the queue was full or the recorder closed. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Waits until every call accepted before this one has been written (or skipped) by the writer thread. */
    public void flush() throws InterruptedException {
        long target = accepted.get();
        synchronized (progress) {
            while (processed < target && writer.isAlive()) {
                progress.wait(100);
            }
        }
    }

    /**
     * Passes the recorded events with {@code fromMillis <= eventTime < toMillis} to {@code consumer}, in log order
     * (not time order: see the class comment on timestamps). The consumer runs on the caller's thread.
     */
    public void scan(long fromMillis, long toMillis, Consumer<StoredEvent> consumer) throws IOException {
        log.scan(fromMillis, toMillis, record -> consumer.accept(stored(record)));
    }

    private static StoredEvent stored(LogRecord record) {
        return new StoredEvent(record.offset(), record.timestampMillis(), EventKey.decode(record.key()),
                record.value());
    }

    /** The retention horizon: records with an {@code eventTime} before it are gone or about to be. */
    public Instant retentionHorizon() {
        return clock.instant().minus(retention);
    }

    @Override
    public void close() throws IOException {
        if (closing) {
            return;
        }
        closing = true;
        retentionTask.cancel();
        boolean interrupted = false;
        while (true) { // draining is the point of close(): an interrupt is restored afterwards, not obeyed
            try {
                queue.put(STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        log.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            ApiCall call;
            while ((call = queue.take()) != STOP) {
                write(call);
            }
            // A record() that raced with close() may have queued behind STOP: drain it too.
            while ((call = queue.poll()) != null) {
                write(call);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ApiCall call) {
        try {
            append(call);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "CloudTrail record for " + call.context().operation()
                    + " could not be written", e);
        } finally {
            synchronized (progress) {
                processed++;
                progress.notifyAll();
            }
        }
    }

    private void append(ApiCall call) throws IOException {
        RequestContext ctx = call.context();
        EventCategories.Category category = EventCategories.of(call.eventSource(), ctx.operation());
        if (category instanceof EventCategories.Category.NotLogged) {
            return;
        }
        Instant eventTime = ctx.receivedAt().truncatedTo(ChronoUnit.SECONDS);
        Optional<String> request = RecordRenderer.capped(call.requestParameters().get());
        Optional<String> response = call.readOnly() || call.errorCode().isPresent()
                ? Optional.empty() : RecordRenderer.capped(call.responseElements().get());
        String eventId = eventId();
        byte[] json = renderer.render(call, new RecordRenderer.Rendering(eventTime, eventId, category, request,
                response));
        boolean management = category instanceof EventCategories.Category.Management;
        EventKey key = new EventKey(ctx.principal().accountId(), ctx.region(), eventId, ctx.operation(),
                call.eventSource(), ctx.principal().accessKeyId(), ctx.principal().userName(), management,
                call.readOnly(), resources.derive(call.eventSource(), ctx.operation(), request), false,
                call.errorCode().isPresent());
        log.append(eventTime.toEpochMilli(), key.encode(), json);
    }

    /**
     * Appends an Insights event (its key has {@code insight} set) directly, on the caller's thread: Insights events
     * are few (a start and an end per anomaly) and the log serializes appends itself.
     */
    public void appendInsight(long eventTimeMillis, EventKey key, byte[] json) throws IOException {
        if (!key.insight()) {
            throw new IllegalArgumentException("not an Insights event key");
        }
        log.append(eventTimeMillis, key.encode(), json);
    }

    /** A random (version 4) UUID from the injected generator, so tests get reproducible ids. */
    private String eventId() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    private void applyRetention() {
        try {
            int deleted = log.deleteSegmentsOlderThan(retentionHorizon().toEpochMilli());
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "CloudTrail retention deleted " + deleted + " segment(s)");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "CloudTrail retention failed", e);
        }
    }
}
