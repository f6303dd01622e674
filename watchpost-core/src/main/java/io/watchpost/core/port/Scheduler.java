package io.watchpost.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Background work driven by the injected clock: alarm evaluation, schedules, retention, deliveries. The
 * production implementation ticks on a platform thread; tests call {@link #runDue()} after moving a
 * {@link io.watchpost.core.MutableClock}, so nothing sleeps to wait for time to pass.
 */
public interface Scheduler {
    /** Runs {@code task} every {@code period}, first at {@code firstRun}; returns a handle that cancels it. */
    Cancellable schedule(String name, Instant firstRun, Duration period, Runnable task);

    /** Runs every task whose time has come (by the clock) and returns how many runs happened. */
    int runDue();

    /** A scheduled task's handle. */
    interface Cancellable {
        /** Stops the task; idempotent. */
        void cancel();

        /**
         * Asks for one run as soon as possible instead of at the task's next time (work just arrived, e.g. an
         * outbox item); the period then restarts from that run. Where nothing drives the scheduler (tests), the
         * next {@link Scheduler#runDue()} runs it.
         */
        default void runSoon() {}
    }
}
