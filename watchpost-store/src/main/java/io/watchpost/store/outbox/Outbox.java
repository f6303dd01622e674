package io.watchpost.store.outbox;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.port.Scheduler;
import io.watchpost.store.Durability;
import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * A durable, at-least-once outbox: {@link #enqueue} appends the item to a {@link RecordLog} ({@code dir/items}) and
 * returns once it is durable; a {@link Scheduler} task ({@link #deliverDue}) hands due items to the {@link Sender},
 * retrying failures with exponential backoff and jitter ({@link Backoff}) until the item's {@link RetryPolicy} runs
 * out, then hands it to the {@link DeadLetters}. Reused by EventBridge targets (and later Logs subscriptions and
 * alarm actions).
 *
 * <p><b>Durability:</b> progress lives in a state journal ({@code dir/state}): per unfinished item its attempt count
 * and next attempt time, per finished item a "done" mark until the low-water offset (every lower offset finished)
 * passes it. After a restart every item at or above the low-water mark that is not done is delivered again, so a
 * crash between a successful send and its "done" write delivers twice (at least once, never lost).
 *
 * <p><b>Memory:</b> at most {@code maxInMemory} items are held; the rest stay in the log and are read as the window
 * drains. <b>Ordering:</b> none promised across retries. <b>Thread-safety:</b> enqueue from any thread; deliveries
 * run one pass at a time: on the scheduler's thread, or with {@link Config#withOwnThread()} on the outbox's own
 * thread, so that a slow destination (each send may take its HTTP timeout) holds up only this outbox, never the
 * scheduler's other work (alarm evaluation, schedules, retention).
 */
public final class Outbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final String LOW_WATER = "low-water";

    /** Sends one item; returns normally on success, throws to fail the attempt. */
    @FunctionalInterface
    public interface Sender {
        void send(OutboxItem item) throws Exception;
    }

    /** Receives items that will never be delivered. */
    @FunctionalInterface
    public interface DeadLetters {
        void deadLetter(DeadLetter letter);
    }

    /** Why an item stopped being retried. */
    public enum Exhausted { MAXIMUM_RETRY_ATTEMPTS, MAXIMUM_EVENT_AGE, NOT_RETRYABLE }

    /** An undeliverable item, how many attempts were made, why it stopped and the last failure (if any). */
    public record DeadLetter(OutboxItem item, int attempts, Exhausted reason, String errorCode, String errorMessage) {}

    /**
     * Tuning: the in-memory window, the polling period, the durability, and whether passes run on the outbox's own
     * thread ({@code ownThread}) or on the scheduler's thread (deterministic: what tests that drive the clock use).
     */
    public record Config(int maxInMemory, Duration pollPeriod, Durability durability, boolean ownThread) {
        public Config(int maxInMemory, Duration pollPeriod, Durability durability) {
            this(maxInMemory, pollPeriod, durability, false);
        }

        public static Config defaults() {
            return new Config(10_000, Duration.ofMillis(200), Durability.PROCESS);
        }

        /** Passes run on a thread of the outbox's own, woken by the scheduler task. */
        public Config withOwnThread() {
            return new Config(maxInMemory, pollPeriod, durability, true);
        }
    }

    record Progress(int attempts, long nextAttemptMillis, boolean done) {}

    record Mark(long offset) {}

    private final RecordLog log;
    private final StateJournal journal;
    private final StateTable<Progress> progress;
    private final StateTable<Mark> marks;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sender sender;
    private final DeadLetters deadLetters;
    private final Config config;
    private final Backoff backoff = Backoff.EVENTBRIDGE;
    private final TreeMap<Long, Pending> window = new TreeMap<>();
    private final Object passLock = new Object();
    private final Scheduler.Cancellable task;
    private final ExecutorService worker;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    /** Set first thing by {@link #close}: a pass in progress stops before its next send. */
    private volatile boolean closing;
    private long nextToLoad;
    private long lowWater;

    private static final class Pending {
        OutboxItem item;
        long nextAttemptMillis;

        Pending(OutboxItem item, long nextAttemptMillis) {
            this.item = item;
            this.nextAttemptMillis = nextAttemptMillis;
        }
    }

    private Outbox(Path dir, Config config, Clock clock, RandomGenerator random, Scheduler scheduler, Sender sender,
            DeadLetters deadLetters) throws IOException {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.deadLetters = requireNonNull(deadLetters, "deadLetters is null");
        this.journal = StateJournal.open(dir.resolve("state"), config.durability());
        this.progress = journal.table("outbox.progress", Progress.class);
        this.marks = journal.table("outbox.marks", Mark.class);
        this.log = RecordLog.open(dir.resolve("items"),
                RecordLogConfig.defaults().withDurability(config.durability()).withClock(clock));
        this.lowWater = marks.get(LOW_WATER).map(Mark::offset).orElse(0L);
        this.nextToLoad = lowWater;
        this.worker = config.ownThread() ? Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("watchpost-outbox-" + dir.getFileName()).daemon(true).factory()) : null;
        this.task = scheduler.schedule("outbox " + dir.getFileName(), clock.instant(), config.pollPeriod(),
                worker == null ? this::deliverDue : this::queuePass);
    }

    /** The scheduler's task with an own thread: queue one pass there (passes asked for meanwhile coalesce). */
    private void queuePass() {
        if (passQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    passQueued.set(false);
                    try {
                        deliverDue();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "outbox pass failed", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                passQueued.set(false); // closing
            }
        }
    }

    /** Opens (or creates) the outbox in {@code dir} and schedules its delivery task on {@code scheduler}. */
    public static Outbox open(Path dir, Config config, Clock clock, RandomGenerator random, Scheduler scheduler,
            Sender sender, DeadLetters deadLetters) throws IOException {
        return new Outbox(dir, config, clock, random, scheduler, sender, deadLetters);
    }

    /** Appends an item; durable (per the configured durability) when this returns. First attempt at the next pass. */
    public long enqueue(String destination, byte[] payload, RetryPolicy policy) {
        requireNonNull(destination, "destination is null");
        long now = clock.millis();
        byte[] key = destination.getBytes(StandardCharsets.UTF_8);
        byte[] value = ItemCodec.encode(payload, policy);
        long offset;
        try {
            offset = log.append(now, key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            if (offset == nextToLoad && window.size() < config.maxInMemory()) {
                window.put(offset, new Pending(ItemCodec.decode(offset, now, key, value), now));
                nextToLoad++;
            }
        }
        task.runSoon();
        return offset;
    }

    /** Items not yet delivered nor dead-lettered (in memory and still in the log). */
    public synchronized long pending() {
        long unread = Math.max(0, log.nextOffset() - nextToLoad);
        return window.size() + unread;
    }

    /**
     * One delivery pass: refills the window from the log, then attempts every due item, stopping early once
     * {@link #close} has begun (the rest stay due, for the next start). Returns attempts made.
     */
    public int deliverDue() {
        synchronized (passLock) {
            if (closing) {
                return 0;
            }
            refill();
            long now = clock.millis();
            List<Pending> due = new ArrayList<>();
            synchronized (this) {
                for (Pending pending : window.values()) {
                    if (pending.nextAttemptMillis <= now) {
                        due.add(pending);
                    }
                }
            }
            int attempts = 0;
            for (Pending pending : due) {
                if (closing) {
                    break;  // each send may take its HTTP timeout: close must not wait for the whole window
                }
                attempt(pending, now);
                attempts++;
            }
            return attempts;
        }
    }

    private void refill() {
        long end = log.nextOffset();
        int room;
        long from;
        synchronized (this) {
            room = config.maxInMemory() - window.size();
            from = nextToLoad;
        }
        if (room <= 0 || from >= end) {
            return;
        }
        try {
            for (LogRecord record : log.read(from, room)) {
                load(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void load(LogRecord record) {
        if (record.offset() != nextToLoad) {
            return; // loaded meanwhile by enqueue's fast path
        }
        nextToLoad = record.offset() + 1;
        Progress state = progress.get(key(record.offset())).orElse(new Progress(0, record.timestampMillis(), false));
        if (!state.done()) {
            OutboxItem item = ItemCodec.decode(record.offset(), record.timestampMillis(), record.key(), record.value());
            window.put(record.offset(), new Pending(item.withAttempts(state.attempts()), state.nextAttemptMillis()));
        }
    }

    private void attempt(Pending pending, long now) {
        OutboxItem item = pending.item;
        if (now - item.enqueuedAt().toEpochMilli() > item.policy().maxAge().toMillis()) {
            finish(item, new DeadLetter(item, item.attempts(), Exhausted.MAXIMUM_EVENT_AGE, null, null));
            return;
        }
        try {
            sender.send(item);
            finish(item, null);
        } catch (PermanentFailureException e) {
            finish(item, new DeadLetter(item, item.attempts() + 1, Exhausted.NOT_RETRYABLE, e.errorCode(), e.getMessage()));
        } catch (Exception e) {
            failed(pending, now, e);
        }
    }

    private void failed(Pending pending, long now, Exception error) {
        OutboxItem item = pending.item.withAttempts(pending.item.attempts() + 1);
        if (item.attempts() >= item.policy().maxAttempts()) {
            finish(item, new DeadLetter(item, item.attempts(), Exhausted.MAXIMUM_RETRY_ATTEMPTS,
                    error.getClass().getSimpleName(), error.getMessage()));
            return;
        }
        long next = now + backoff.delayMillis(item.attempts(), random);
        progress.put(key(item.offset()), new Progress(item.attempts(), next, false));
        synchronized (this) {
            pending.item = item;
            pending.nextAttemptMillis = next;
        }
    }

    private void finish(OutboxItem item, DeadLetter letter) {
        if (letter != null) {
            try {
                deadLetters.deadLetter(letter);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dead-letter handler failed for " + item.destination(), e);
            }
        }
        progress.put(key(item.offset()), new Progress(item.attempts(), 0, true));
        synchronized (this) {
            window.remove(item.offset());
            advanceLowWater();
        }
    }

    /** Moves the low-water mark over finished items, forgetting their progress; called under this monitor. */
    private void advanceLowWater() {
        long start = lowWater;
        while (lowWater < nextToLoad && !window.containsKey(lowWater)
                && progress.get(key(lowWater)).map(Progress::done).orElse(false)) {
            progress.remove(key(lowWater));
            lowWater++;
        }
        if (lowWater != start) {
            marks.put(LOW_WATER, new Mark(lowWater));
            if (lowWater == log.nextOffset()) {
                compact();
            }
        }
    }

    /** Everything is finished: sealed segments hold nothing undelivered. */
    private void compact() {
        try {
            log.deleteSegmentsOlderThan(clock.millis());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "outbox segment cleanup failed", e);
        }
    }

    private static String key(long offset) {
        return String.format("%020d", offset);
    }

    /** Whether {@link #close} has begun. */
    boolean closing() {
        return closing;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        task.cancel();
        if (worker != null) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(15, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "outbox pass still running at close; its items stay due");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (passLock) {
            try (journal) {
                log.close();
            }
        }
    }
}
