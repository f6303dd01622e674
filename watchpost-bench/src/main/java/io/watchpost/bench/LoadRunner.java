package io.watchpost.bench;

import io.watchpost.bench.workload.ServiceClients;
import io.watchpost.bench.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Drives one workload against one endpoint from {@code concurrency} platform threads for a fixed time (closed
 * loop: each thread sends its next request when the previous one answered). Bounded three ways: the deadline,
 * a maximum call count, and the SDK's per-call timeout; a round whose first {@value #ABORT_AFTER_ERRORS} calls
 * all failed stops early (an operation the endpoint does not implement needs no more samples).
 */
final class LoadRunner {
    static final int ABORT_AFTER_ERRORS = 200;
    /** Latencies are recorded in microseconds, up to 10 minutes, to 3 significant digits. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final int concurrency;
    private final long maxCalls;
    private final Duration callTimeout;

    LoadRunner(int concurrency, long maxCalls, Duration callTimeout) {
        this.concurrency = concurrency;
        this.maxCalls = maxCalls;
        this.callTimeout = callTimeout;
    }

    /** What one run of the loop saw: successful-call latencies, error count and the first error's code. */
    record Outcome(Histogram latencies, long successes, long errors, String firstError, long elapsedNanos,
                   boolean aborted) {}

    Outcome run(Workload workload, ServiceClients clients, Duration duration) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Shared shared = new Shared();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            int id = worker;
            threads.add(Thread.ofPlatform().daemon().name("bench-" + workload.name() + "-" + id)
                    .start(() -> loop(workload, clients, id, deadline, histogram, shared)));
        }
        long joinUntil = deadline + callTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            awaitUntil(thread, joinUntil);
        }
        shared.stop.set(true); // a thread stuck past every bound is abandoned (daemon) and its figures dropped
        Histogram merged = new Histogram(HIGHEST_MICROS, 3);
        for (int i = 0; i < threads.size(); i++) {
            if (!threads.get(i).isAlive()) {
                merged.add(histograms.get(i));
            }
        }
        long end = shared.lastEnd.get() == Long.MIN_VALUE ? System.nanoTime() : shared.lastEnd.get();
        long elapsed = Math.max(1, end - start);
        return new Outcome(merged, shared.successes.sum(), shared.errors.sum(), shared.firstError.get(), elapsed,
                shared.aborted.get());
    }

    private void loop(Workload workload, ServiceClients clients, int worker, long deadline, Histogram histogram,
                      Shared shared) {
        while (!shared.stop.get() && System.nanoTime() < deadline && shared.issued.incrementAndGet() <= maxCalls) {
            long begin = System.nanoTime();
            try {
                workload.call(clients, worker);
                long micros = (System.nanoTime() - begin) / 1_000;
                histogram.recordValue(Math.min(Math.max(micros, 1), HIGHEST_MICROS));
                shared.successes.increment();
            } catch (RuntimeException e) {
                shared.errors.increment();
                shared.firstError.compareAndSet(null, ErrorCodes.describe(e));
                if (shared.successes.sum() == 0 && shared.errors.sum() >= ABORT_AFTER_ERRORS) {
                    shared.aborted.set(true);
                    shared.stop.set(true);
                }
            }
        }
        shared.lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
    }

    private static void awaitUntil(Thread thread, long untilNanos) {
        long remaining = untilNanos - System.nanoTime();
        try {
            if (remaining > 0) {
                thread.join(Duration.ofNanos(remaining));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** State the workers of one run share; counters are contention-friendly. */
    private static final class Shared {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean aborted = new AtomicBoolean();
        final AtomicLong issued = new AtomicLong();
        /** nanoTime when the last worker stopped (nanoTime may be negative, hence MIN_VALUE for "none yet"). */
        final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        final LongAdder successes = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>();
    }
}
