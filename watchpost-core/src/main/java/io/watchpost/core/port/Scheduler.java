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

    /** Stops a scheduled task; idempotent. */
    interface Cancellable {
        void cancel();
    }
}
