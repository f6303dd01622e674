package io.watchpost.core;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Scheduler} whose only notion of time is its {@link Clock}. {@link #runDue()} runs due tasks in time
 * order on the calling thread; a task that falls behind runs once per call, then is rescheduled from now, so a
 * stopped machine does not replay every missed period. {@link Cancellable#runSoon()} makes a task due now and
 * calls the {@link #onWake wake-up hook}, so the thread that drives {@code runDue} need not wait for its next tick.
 * Thread-safe: tasks run outside the lock.
 */
public final class ClockScheduler implements Scheduler {
    private static final System.Logger LOG = System.getLogger(ClockScheduler.class.getName());

    private final Clock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Runnable wake = () -> {};

    public ClockScheduler(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized Cancellable schedule(String name, Instant firstRun, Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Entry entry = new Entry(name, firstRun, period, task, sequence.incrementAndGet());
        queue.add(entry);
        return new Cancellable() {
            @Override
            public void cancel() {
                ClockScheduler.this.cancel(entry);
            }

            @Override
            public void runSoon() {
                if (expedite(entry)) {
                    wake.run();
                }
            }
        };
    }

    /** Sets what to call when a task became due early: the driver schedules a {@link #runDue()} right away. */
    public void onWake(Runnable hook) {
        this.wake = requireNonNull(hook, "hook is null");
    }

    private synchronized boolean expedite(Entry entry) {
        Instant now = clock.instant();
        if (entry.cancelled || !entry.next.isAfter(now) || !queue.remove(entry)) {
            return !entry.cancelled;
        }
        entry.next = now;
        queue.add(entry);
        return true;
    }

    private synchronized void cancel(Entry entry) {
        entry.cancelled = true;
        queue.remove(entry);
    }

    @Override
    public int runDue() {
        List<Entry> due = takeDue(clock.instant());
        for (Entry entry : due) {
            try {
                entry.task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scheduled task " + entry.name + " failed", e);
            }
        }
        return due.size();
    }

    private synchronized List<Entry> takeDue(Instant now) {
        List<Entry> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().next.isAfter(now)) {
            due.add(queue.poll());
        }
        for (Entry entry : due) {
            Instant next = entry.next.plus(entry.period);
            entry.next = next.isAfter(now) ? next : now.plus(entry.period);
            if (!entry.cancelled) {
                queue.add(entry);
            }
        }
        return due;
    }

    private static final class Entry implements Comparable<Entry> {
        final String name;
        final Duration period;
        final Runnable task;
        final long order;
        Instant next;
        volatile boolean cancelled;

        Entry(String name, Instant next, Duration period, Runnable task, long order) {
            this.name = name;
            this.next = next;
            this.period = period;
            this.task = task;
            this.order = order;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = next.compareTo(other.next);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
