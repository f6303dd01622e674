package io.watchpost.cloudwatch.alarms;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** PutCompositeAlarm: validation, the rule compiled and its references checked, then an immediate evaluation. */
final class CompositeWrites {
    private final StateTable<CompositeRecord> composites;
    private final StateTable<AlarmRecord> alarms;
    private final CompositeEngine engine;
    private final AlarmHistory history;
    private final Object lock;
    private final Clock clock;
    private final AlarmTagStore tags;

    CompositeWrites(CompositeEngine engine, StateTable<AlarmRecord> alarms, AlarmHistory history, Object lock,
            Clock clock, AlarmTagStore tags) {
        this.composites = engine.table();
        this.alarms = alarms;
        this.engine = engine;
        this.history = history;
        this.lock = lock;
        this.clock = clock;
        this.tags = tags;
    }

    PutCompositeAlarmResponse put(RequestContext context, PutCompositeAlarmRequest r) {
        checkModel(r);
        CompositeRule rule;
        try {
            rule = RuleParser.parse(r.alarmRule());
        } catch (RuleParser.RuleException e) {
            throw AlarmValidator.validation("Error in AlarmRule at position " + e.position() + ": " + e.getMessage());
        }
        if (r.actionsSuppressor() != null
                && (r.actionsSuppressorWaitPeriod() == null || r.actionsSuppressorExtensionPeriod() == null)) {
            throw AlarmValidator.validation("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod are "
                    + "required when ActionsSuppressor is specified.");
        }
        Scope scope = context.scope();
        String key = scope.key(r.alarmName());
        long now = clock.millis();
        synchronized (lock) {
            if (alarms.get(key).isPresent()) {
                throw AlarmValidator.invalid("The alarm " + r.alarmName() + " already exists as a metric alarm.");
            }
            List<String> missing = CompositeRule.references(rule).stream()
                    .filter(n -> engine.stateOf(scope, n).isEmpty() && !n.equals(r.alarmName())).toList();
            if (!missing.isEmpty()) {
                throw AlarmValidator.validation("Could not save the composite alarm as alarms ["
                        + String.join(", ", missing) + "] in the alarm rule do not exist");
            }
            CompositeRecord fresh = fresh(r, now);
            Optional<CompositeRecord> existing = composites.get(key);
            CompositeRecord stored = existing.map(fresh::keeping).orElse(fresh);
            engine.suppression.put(key, stored);
            history.compositeConfiguration(scope, stored, existing.isEmpty() ? "Create" : "Update", now);
            if (existing.isEmpty() && !stored.tags().isEmpty()) {
                tags.put(AlarmEngine.arn(scope, stored.name()), stored.tags());
            }
            engine.evaluateNow(scope, stored);
        }
        return PutCompositeAlarmResponse.builder().build();
    }

    private static CompositeRecord fresh(PutCompositeAlarmRequest r, long now) {
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (Tag t : r.tags()) {
            tagMap.put(t.key(), t.value());
        }
        return new CompositeRecord(r.alarmName(), r.alarmDescription(),
                r.actionsEnabled() == null || r.actionsEnabled(), r.okActions(), r.alarmActions(),
                r.insufficientDataActions(), r.alarmRule(), r.actionsSuppressor(), r.actionsSuppressorWaitPeriod(),
                r.actionsSuppressorExtensionPeriod(), now,
                new AlarmState(AlarmEvaluator.INSUFFICIENT, AlarmConversions.INITIAL_REASON, null, now), now, tagMap, null);
    }

    private static void checkModel(PutCompositeAlarmRequest r) {
        Violations v = new Violations();
        if (r.alarmName() == null) {
            v.missing("alarmName");
        }
        v.checkString("alarmName", r.alarmName(), 1, 255, null);
        if (r.alarmRule() == null) {
            v.missing("alarmRule");
        }
        v.checkString("alarmRule", r.alarmRule(), 1, RuleParser.MAX_LENGTH, null);
        v.checkString("alarmDescription", r.alarmDescription(), 0, 1024, null);
        v.checkString("actionsSuppressor", r.actionsSuppressor(), 1, 1600, null);
        actions(v, "oKActions", r.okActions());
        actions(v, "alarmActions", r.alarmActions());
        actions(v, "insufficientDataActions", r.insufficientDataActions());
        for (int i = 0; i < r.tags().size(); i++) {
            Tag t = r.tags().get(i);
            if (t == null || t.key() == null) {
                v.missing("tags." + (i + 1) + ".member.key");
            }
            if (t == null || t.value() == null) {
                v.missing("tags." + (i + 1) + ".member.value");
            }
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
    }

    private static void actions(Violations v, String member, List<String> actions) {
        if (actions.size() > AlarmValidator.MAX_ACTIONS) {
            v.violated(member, "Member must have length less than or equal to " + AlarmValidator.MAX_ACTIONS);
        }
        for (int i = 0; i < actions.size(); i++) {
            v.checkString(member + "." + (i + 1) + ".member", actions.get(i), 1, 1024, null);
        }
    }
}
