package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates composite alarms when a child changes state (and when one is created or updated): the rule TRUE is
 * ALARM, FALSE is OK. A change propagates to the composites above it; a cycle stops evaluation at the first alarm
 * seen twice, as CloudWatch does. Callers hold the alarm engine's lock. Compiled rules are cached per alarm and
 * configuration time.
 */
final class CompositeEngine {
    static final String TYPE = "CompositeAlarm";
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter
            .ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final StateTable<CompositeRecord> composites;
    private final StateTable<AlarmRecord> alarms;
    private final AlarmHistory history;
    private final AlarmStateListener listener;
    private final Map<String, CompositeRule> compiled = new ConcurrentHashMap<>();
    final ActionsSuppression suppression;
    final AlarmMutes mutes;

    CompositeEngine(StateTable<CompositeRecord> composites, StateTable<AlarmRecord> alarms, AlarmHistory history,
            AlarmStateListener listener, AlarmMutes mutes) {
        this.composites = composites;
        this.mutes = mutes;
        this.alarms = alarms;
        this.history = history;
        this.listener = listener;
        this.suppression = new ActionsSuppression(composites);
    }

    StateTable<CompositeRecord> table() {
        return composites;
    }

    CompositeRule rule(CompositeRecord c) {
        return compiled.computeIfAbsent(c.name() + '\u0000' + c.alarmRule(), k -> RuleParser.parse(c.alarmRule()));
    }

    /** The state value of a metric or composite alarm of the scope, if it exists. */
    Optional<AlarmState> stateOf(Scope scope, String name) {
        Optional<AlarmRecord> metric = alarms.get(scope.key(name));
        if (metric.isPresent()) {
            return Optional.of(metric.get().state());
        }
        return composites.get(scope.key(name)).map(CompositeRecord::state);
    }

    /** The composites of the scope whose rule references {@code name}, in name order. */
    List<CompositeRecord> parentsOf(Scope scope, String name) {
        List<CompositeRecord> parents = new ArrayList<>();
        for (Map.Entry<String, CompositeRecord> e : composites.view().tailMap(scope.keyPrefix(), true).entrySet()) {
            if (!e.getKey().startsWith(scope.keyPrefix())) {
                break;
            }
            if (CompositeRule.references(rule(e.getValue())).contains(name)) {
                parents.add(e.getValue());
            }
        }
        return parents;
    }

    /** A child changed: re-evaluate its parents, naming it as the triggering alarm. */
    void childChanged(Scope scope, String child, AlarmState state, Set<String> visited) {
        suppression.suppressorChanged(scope, child, state);
        for (CompositeRecord parent : parentsOf(scope, child)) {
            evaluate(scope, parent, List.of(new Trigger(AlarmEngine.arn(scope, child), state)), visited);
        }
    }

    /** Evaluates after a create or update: the triggering alarms are the referenced ones that exist. */
    void evaluateNow(Scope scope, CompositeRecord composite) {
        List<Trigger> triggers = new ArrayList<>();
        for (String name : CompositeRule.references(rule(composite))) {
            stateOf(scope, name).ifPresent(s -> triggers.add(new Trigger(AlarmEngine.arn(scope, name), s)));
        }
        evaluate(scope, composite, triggers, new HashSet<>());
    }

    record Trigger(String arn, AlarmState state) {}

    private void evaluate(Scope scope, CompositeRecord c, List<Trigger> triggers, Set<String> visited) {
        if (!visited.add(c.name())) {
            return;
        }
        boolean value = rule(c).eval(n -> stateOf(scope, n).map(AlarmState::value).orElse(null));
        String next = value ? AlarmEvaluator.ALARM : AlarmEvaluator.OK;
        if (next.equals(c.state().value())) {
            return;
        }
        long now = triggers.stream().mapToLong(t -> t.state().updatedMillis()).max().orElse(c.configUpdatedMillis());
        String reason = triggers.isEmpty() ? "No alarms in the alarm rule exist" : triggers.get(0).arn()
                + " transitioned to " + triggers.get(0).state().value() + " at "
                + REASON_TIME.format(Instant.ofEpochMilli(triggers.get(0).state().updatedMillis()));
        transition(scope, c, new AlarmState(next, reason, reasonData(triggers), Math.max(now, c.configUpdatedMillis())),
                visited);
    }

    static String suppressorName(String ref) {
        int at = ref.indexOf(":alarm:");
        return ref.startsWith("arn:") && at > 0 ? ref.substring(at + ":alarm:".length()) : ref;
    }

    private static String reasonData(List<Trigger> triggers) {
        ObjectNode data = StateReasons.JSON.createObjectNode();
        ArrayNode list = data.putArray("triggeringAlarms");
        for (Trigger t : triggers) {
            ObjectNode item = list.addObject();
            item.put("arn", t.arn());
            item.putObject("state").put("value", t.state().value()).put("timestamp",
                    StateReasons.DATA_TIME.format(Instant.ofEpochMilli(t.state().updatedMillis())));
        }
        return data.toString();
    }

    /** Writes the composite's new state and history, tells the listener, then re-evaluates its own parents. */
    void transition(Scope scope, CompositeRecord c, AlarmState next, Set<String> visited) {
        Optional<AlarmState> suppressor = c.actionsSuppressor() == null ? Optional.empty()
                : stateOf(scope, suppressorName(c.actionsSuppressor()));
        transition(scope, c, next, ActionsSuppression.onTransition(c, next, suppressor), visited);
    }

    /** A wait or extension period ended: an ALARM composite performs its held actions (ALARM to ALARM). */
    void release(Scope scope, CompositeRecord c, long nowMillis) {
        if (!AlarmEvaluator.ALARM.equals(c.state().value())) {
            suppression.put(scope.key(c.name()), c.withSuppression(null));
            return;
        }
        AlarmState again = new AlarmState(c.state().value(), c.state().reason(), c.state().reasonData(), nowMillis);
        transition(scope, c, again, null, new HashSet<>());
    }

    private void transition(Scope scope, CompositeRecord c, AlarmState next, CompositeRecord.Suppression held,
            Set<String> visited) {
        boolean changed = !next.value().equals(c.state().value());
        CompositeRecord updated = c.withState(next, changed).withSuppression(held);
        suppression.put(scope.key(c.name()), updated);
        history.stateUpdate(scope, c.name(), TYPE, c.state(), next);
        String arn = AlarmEngine.arn(scope, c.name());
        List<String> actions = !updated.actionsEnabled() || held != null ? List.of() : switch (next.value()) {
            case AlarmEvaluator.ALARM -> updated.alarmActions();
            case AlarmEvaluator.OK -> updated.okActions();
            default -> updated.insufficientDataActions();
        };
        try {
            listener.stateChanged(mutes.onTransition(new AlarmStateChange(scope, c.name(), arn,
                    Instant.ofEpochMilli(next.updatedMillis()), c.state().value(), next.value(), next.reason(), actions,
                    AlarmEvents.compositeDetail(updated, c.state(), next, c.suppression()),
                    AlarmNotifications.compositeMessage(scope, arn, updated, c.state(), next))));
        } catch (RuntimeException e) {
            System.getLogger(CompositeEngine.class.getName()).log(System.Logger.Level.WARNING,
                    "alarm state listener failed for " + arn, e);
        }
        childChanged(scope, c.name(), next, visited);
    }
}
