package io.watchpost.cloudwatch.alarms;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.cloudwatch.alarms.CompositeRecord.Suppression;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A composite alarm's ActionsSuppressor, as the CloudWatch user guide's "Alarm suppression" describes it. When the
 * composite goes into ALARM its actions wait up to ActionsSuppressorWaitPeriod seconds for the suppressor to go
 * into ALARM ({@code WaitPeriod}); while the suppressor is in ALARM they are held ({@code Alarm}); after it leaves
 * ALARM they wait ActionsSuppressorExtensionPeriod more seconds ({@code ExtensionPeriod}). When a wait or extension
 * period ends with the composite still in ALARM, it performs its actions: an ALARM-to-ALARM state update, as AWS's
 * own events show (the previous state carrying {@code actionsSuppressedBy}). Other transitions are suppressed only
 * while the suppressor is in ALARM, and their actions are dropped, not deferred.
 *
 * <p>The periods end on the alarm engine's 10-second tick ({@link #expire}); {@link #deadlines} mirrors the table's
 * pending deadlines so a tick does not scan every composite. Callers hold the alarm engine's lock.
 */
final class ActionsSuppression {
    private final StateTable<CompositeRecord> composites;
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    ActionsSuppression(StateTable<CompositeRecord> composites) {
        this.composites = composites;
    }

    /** The suppression a composite's new state starts with; null when its actions run now. */
    static Suppression onTransition(CompositeRecord c, AlarmState next, Optional<AlarmState> suppressor) {
        if (c.actionsSuppressor() == null) {
            return null;
        }
        boolean suppressorInAlarm = suppressor.map(s -> AlarmEvaluator.ALARM.equals(s.value())).orElse(false);
        if (suppressorInAlarm) {
            return new Suppression(Suppression.ALARM, 0);
        }
        if (!AlarmEvaluator.ALARM.equals(next.value())) {
            return null;
        }
        int wait = c.actionsSuppressorWaitPeriod() == null ? 0 : c.actionsSuppressorWaitPeriod();
        return wait <= 0 ? null : new Suppression(Suppression.WAIT, next.updatedMillis() + wait * 1000L);
    }

    /** Stores a composite, keeping the deadline index in step with its suppression. */
    void put(String key, CompositeRecord c) {
        composites.put(key, c);
        track(key, c);
    }

    private void track(String key, CompositeRecord c) {
        if (c.suppression() != null && c.suppression().untilMillis() > 0) {
            deadlines.put(key, c.suppression().untilMillis());
        } else {
            deadlines.remove(key);
        }
    }

    /** The suppressor {@code name} changed state: held actions switch between Alarm and ExtensionPeriod. */
    void suppressorChanged(Scope scope, String name, AlarmState state) {
        boolean inAlarm = AlarmEvaluator.ALARM.equals(state.value());
        for (Map.Entry<String, CompositeRecord> e : composites.view().tailMap(scope.keyPrefix(), true).entrySet()) {
            if (!e.getKey().startsWith(scope.keyPrefix())) {
                break;
            }
            CompositeRecord c = e.getValue();
            if (c.actionsSuppressor() == null || c.suppression() == null
                    || !CompositeEngine.suppressorName(c.actionsSuppressor()).equals(name)) {
                continue;
            }
            Suppression next = next(c, inAlarm, state.updatedMillis());
            if (!java.util.Objects.equals(next, c.suppression())) {
                put(e.getKey(), c.withSuppression(next));
            }
        }
    }

    private static Suppression next(CompositeRecord c, boolean suppressorInAlarm, long at) {
        if (suppressorInAlarm) {
            return new Suppression(Suppression.ALARM, 0);
        }
        if (!c.suppression().by().equals(Suppression.ALARM)) {
            return c.suppression();
        }
        int extension = c.actionsSuppressorExtensionPeriod() == null ? 0 : c.actionsSuppressorExtensionPeriod();
        return AlarmEvaluator.ALARM.equals(c.state().value())
                ? new Suppression(Suppression.EXTENSION, at + Math.max(extension, 0) * 1000L) : null;
    }

    /** Ends the wait and extension periods due by {@code nowMillis}, releasing the held actions through the engine. */
    void expire(long nowMillis, CompositeEngine engine) {
        if (!loaded) {
            composites.view().forEach(this::track);
            loaded = true;
        }
        for (Map.Entry<String, Long> due : deadlines.entrySet()) {
            if (due.getValue() > nowMillis) {
                continue;
            }
            deadlines.remove(due.getKey());
            Optional<CompositeRecord> c = composites.get(due.getKey());
            if (c.isPresent() && c.get().suppression() != null && c.get().suppression().untilMillis() > 0
                    && c.get().suppression().untilMillis() <= nowMillis) {
                engine.release(AlarmEngine.scopeOf(due.getKey()), c.get(), nowMillis);
            }
        }
    }

    /** Development reset: the tables were wiped. */
    void forgetAll() {
        deadlines.clear();
    }
}
