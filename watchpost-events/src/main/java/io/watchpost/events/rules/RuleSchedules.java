package io.watchpost.events.rules;

import io.watchpost.core.Scope;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires the enabled schedule rules from the {@link Scheduler}, on a phase that survives restarts. {@code rate(N unit)}
 * fires at {@code anchor + k * period}, the anchor being when the rule got its schedule (created, enabled, or given a
 * new expression); {@code cron(...)} fires at each whole UTC minute it matches. Each rule's anchor and last fired slot
 * are persisted ({@link ScheduleState}), so that after a restart a rate keeps its phase, no slot fires twice, and the
 * slots missed while the server was down fire once, together, as soon as it is back (never a burst).
 *
 * <p>Thread-safety: {@link #sync} is called under the service's write lock; tasks run on the scheduler thread; a
 * slot is recorded before its event is handed on, so a crash after the record loses that one event rather than
 * sending it twice on restart.
 */
final class RuleSchedules {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|hour|day)s?\\)");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How far back a restart looks for a missed cron minute (a week of minutes, a bounded scan). */
    private static final Duration CRON_CATCH_UP = Duration.ofDays(7);

    /** What a schedule does when it fires: the service looks the rule up again and delivers a Scheduled Event. */
    record Fire(Scope scope, String key) {}

    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<Fire> fire;
    private final StateTable<ScheduleState> states;
    private final Map<String, Scheduler.Cancellable> tasks = new ConcurrentHashMap<>();

    RuleSchedules(Scheduler scheduler, Clock clock, StateJournal journal, Consumer<Fire> fire) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.fire = fire;
        this.states = journal.table("events.rule-schedules", ScheduleState.class);
    }

    /**
     * Brings the rule's task in line with the stored rule ({@code null} when deleted). The persisted phase is kept
     * while the rule stays enabled with the same expression (a restart, or a PutRule that changes something else).
     */
    synchronized void sync(String key, Scope scope, RuleRecord rule) {
        cancel(key);
        if (rule == null || !rule.enabled() || rule.scheduleExpression() == null) {
            states.remove(key);
            return;
        }
        String expression = rule.scheduleExpression();
        Optional<ScheduleState> kept = states.get(key).filter(s -> s.expression().equals(expression));
        ScheduleState state = kept.orElseGet(() -> new ScheduleState(expression, clock.millis(), null));
        if (kept.isEmpty()) {
            states.put(key, state);
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            Duration period = Duration.of(Long.parseLong(rate.group(1)), unit(rate.group(2)));
            scheduleRate(key, scope, state, period);
        } else if (expression.startsWith("cron(")) {
            scheduleCron(key, scope, state, CronSchedule.parse(expression));
        }
    }

    private void scheduleRate(String key, Scope scope, ScheduleState state, Duration period) {
        long periodMillis = period.toMillis();
        long anchor = state.anchorMillis();
        long now = clock.millis();
        long next = slotAtOrBefore(anchor, periodMillis, state.notFiredAfter()) + periodMillis;
        if (next <= now) {
            once(key, () -> fireOnce(key, scope, slotAtOrBefore(anchor, periodMillis, now)));
            next = slotAtOrBefore(anchor, periodMillis, now) + periodMillis;
        }
        tasks.put(key, scheduler.schedule("rule " + key, Instant.ofEpochMilli(next), period,
                () -> fireOnce(key, scope, slotAtOrBefore(anchor, periodMillis, clock.millis()))));
    }

    /** The latest slot {@code anchor + k * period} (k >= 0) at or before {@code time}. */
    private static long slotAtOrBefore(long anchor, long periodMillis, long time) {
        return anchor + Math.max(0, (time - anchor) / periodMillis) * periodMillis;
    }

    /** Runs {@code task} once, now: the catch-up of slots missed while the server was down. */
    private void once(String key, Runnable task) {
        String name = key + "#catch-up";
        Scheduler.Cancellable[] self = new Scheduler.Cancellable[1];
        self[0] = scheduler.schedule("rule " + name, clock.instant(), Duration.ofDays(3650), () -> {
            // Only this task's own entry: a sync() may have replaced it with a newer catch-up meanwhile.
            if (tasks.remove(name, self[0])) {
                self[0].cancel();
            }
            task.run();
        });
        tasks.put(name, self[0]);
    }

    private void scheduleCron(String key, Scope scope, ScheduleState state, CronSchedule cron) {
        Instant now = clock.instant();
        Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
        Optional<Instant> missed = lastMatchBetween(cron, Instant.ofEpochMilli(state.notFiredAfter()), now);
        if (missed.isPresent()) {
            long slot = missed.get().toEpochMilli();
            once(key, () -> fireOnce(key, scope, slot));
        }
        tasks.put(key, scheduler.schedule("rule " + key, nextMinute, MINUTE, () -> {
            Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            if (cron.matches(minute.atZone(ZoneOffset.UTC))) {
                fireOnce(key, scope, minute.toEpochMilli());
            }
        }));
    }

    /** The latest minute in (after, upTo] that the cron matches, looking back at most {@link #CRON_CATCH_UP}. */
    private static Optional<Instant> lastMatchBetween(CronSchedule cron, Instant after, Instant upTo) {
        Instant floor = upTo.minus(CRON_CATCH_UP).isAfter(after) ? upTo.minus(CRON_CATCH_UP) : after;
        for (Instant minute = upTo.truncatedTo(ChronoUnit.MINUTES); minute.isAfter(floor); minute = minute.minus(MINUTE)) {
            if (cron.matches(minute.atZone(ZoneOffset.UTC))) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    /** Fires {@code slot} unless it (or a later slot) already fired: the persisted record is the dedupe. */
    private void fireOnce(String key, Scope scope, long slot) {
        synchronized (this) {
            // Under this object's monitor, as sync() and cancel() are: a rule removed meanwhile stays removed.
            Optional<ScheduleState> state = states.get(key);
            if (state.isEmpty() || (state.get().lastSlotMillis() != null && slot <= state.get().lastSlotMillis())) {
                return;
            }
            states.put(key, state.get().fired(slot));
        }
        fire.accept(new Fire(scope, key));
    }

    synchronized void cancel(String key) {
        cancelOne(key);
        cancelOne(key + "#catch-up");
    }

    private void cancelOne(String key) {
        Scheduler.Cancellable task = tasks.remove(key);
        if (task != null) {
            task.cancel();
        }
    }

    /** Stops every task; the persisted phases stay (a reset wipes the journal, a rebuild syncs again). */
    synchronized void clear() {
        tasks.keySet().forEach(this::cancelOne);
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }
}
