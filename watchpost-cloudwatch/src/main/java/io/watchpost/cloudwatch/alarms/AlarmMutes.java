package io.watchpost.cloudwatch.alarms;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What alarm mute rules do to actions, as the CloudWatch user guide's "How alarm mute rules work" describes it: while
 * any ACTIVE rule targets an alarm, the actions of its state changes (OK, ALARM and INSUFFICIENT_DATA alike) are
 * muted; evaluation, history and the state-change event go on. When no rule mutes the alarm any more (the window
 * ended, or the rule was changed or deleted) and the alarm is still in the state whose actions were muted, those
 * actions run then; if it changed state meanwhile, they are dropped. Held actions are durable.
 *
 * <p>Callers hold the alarm engine's lock.
 */
final class AlarmMutes {
    static final String RULES_TABLE = "alarm-mute-rules";
    static final String HELD_TABLE = "alarm-muted-actions";
    private static final System.Logger LOG = System.getLogger(AlarmMutes.class.getName());

    private final StateTable<MuteRuleRecord> rules;
    private final StateTable<HeldActions> held;
    private final StateTable<AlarmRecord> alarms;
    private final StateTable<CompositeRecord> composites;
    private final AlarmStateListener listener;
    private final Map<MuteRuleRecord, MuteSchedule> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    AlarmMutes(StateTable<MuteRuleRecord> rules, StateTable<HeldActions> held, StateTable<AlarmRecord> alarms,
            StateTable<CompositeRecord> composites, AlarmStateListener listener) {
        this.rules = rules;
        this.held = held;
        this.alarms = alarms;
        this.composites = composites;
        this.listener = listener;
    }

    StateTable<MuteRuleRecord> rules() {
        return rules;
    }

    /** A stored rule's compiled schedule, parsed once per version of the rule (its record is the key). */
    MuteSchedule schedule(MuteRuleRecord rule) {
        return compiled.computeIfAbsent(rule, MuteRuleRecord::compile);
    }

    /** A version of a rule is gone (replaced or deleted): its compiled schedule goes too. */
    void forget(MuteRuleRecord rule) {
        compiled.remove(rule);
    }

    /** Development reset: the tables were wiped. */
    void forgetAll() {
        compiled.clear();
    }

    /** Whether an ACTIVE rule of the scope targets the alarm {@code name} at {@code nowMillis}. */
    boolean muted(Scope scope, String name, long nowMillis) {
        for (Map.Entry<String, MuteRuleRecord> e : rules.view().tailMap(scope.keyPrefix(), true).entrySet()) {
            if (!e.getKey().startsWith(scope.keyPrefix())) {
                break;
            }
            MuteRuleRecord rule = e.getValue();
            if (rule.alarmNames().contains(name) && "ACTIVE".equals(rule.status(schedule(rule), nowMillis))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A state change of the alarm: returns it unchanged when its actions run now, or with no actions when a rule
     * mutes them (they are held until the mute ends). Either way it replaces what was held for the alarm.
     */
    AlarmStateChange onTransition(AlarmStateChange change) {
        String key = change.scope().key(change.alarmName());
        if (change.actions().isEmpty() || !muted(change.scope(), change.alarmName(), change.time().toEpochMilli())) {
            held.remove(key);
            return change;
        }
        held.put(key, HeldActions.of(change));
        return new AlarmStateChange(change.scope(), change.alarmName(), change.alarmArn(), change.time(),
                change.previousState(), change.newState(), change.newReason(), List.of(), change.detailJson(),
                change.snsMessageJson());
    }

    /** The alarm is gone: nothing it held will run. */
    void forget(Scope scope, String name) {
        held.remove(scope.key(name));
    }

    /**
     * Runs the held actions of alarms no rule mutes at {@code nowMillis} any more, when the alarm is still in the
     * muted state and its actions are still enabled; drops the others. Called on the engine tick and after a rule
     * changes.
     */
    void release(long nowMillis) {
        for (Map.Entry<String, HeldActions> e : List.copyOf(held.view().entrySet())) {
            Scope scope = AlarmEngine.scopeOf(e.getKey());
            HeldActions h = e.getValue();
            if (muted(scope, h.alarmName(), nowMillis)) {
                continue;
            }
            held.remove(e.getKey());
            if (stillIn(e.getKey(), h)) {
                try {
                    listener.actionsReleased(h.toChange(scope));
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "released alarm actions failed for " + h.alarmArn(), ex);
                }
            }
        }
    }

    private boolean stillIn(String key, HeldActions h) {
        Optional<AlarmRecord> metric = alarms.get(key);
        Optional<AlarmState> state;
        boolean enabled;
        if (metric.isPresent()) {
            state = Optional.of(metric.get().state());
            enabled = metric.get().actionsEnabled();
        } else {
            Optional<CompositeRecord> composite = composites.get(key);
            state = composite.map(CompositeRecord::state);
            enabled = composite.map(CompositeRecord::actionsEnabled).orElse(false);
        }
        return enabled && state.map(s -> s.value().equals(h.newState()) && s.updatedMillis() == h.stateUpdatedMillis())
                .orElse(false);
    }
}
