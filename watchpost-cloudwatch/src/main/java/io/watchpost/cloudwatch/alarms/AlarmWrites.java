package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

/** PutMetricAlarm, DeleteAlarms, Enable/DisableAlarmActions and SetAlarmState; all serialized on the engine lock. */
final class AlarmWrites {
    static final int MAX_NAMES = 100;
    private final StateTable<AlarmRecord> alarms;
    private final AlarmHistory history;
    private final AlarmEngine engine;
    private final Clock clock;
    private final AlarmTagStore tags;

    private final CompositeEngine composites;

    AlarmWrites(StateTable<AlarmRecord> alarms, AlarmHistory history, AlarmEngine engine, Clock clock,
            AlarmTagStore tags, CompositeEngine composites) {
        this.tags = tags;
        this.composites = composites;
        this.alarms = alarms;
        this.history = history;
        this.engine = engine;
        this.clock = clock;
    }

    /** A new alarm starts INSUFFICIENT_DATA; an update keeps state, state timestamps and tags (AWS ignores Tags). */
    PutMetricAlarmResponse put(RequestContext context, PutMetricAlarmRequest request) {
        AlarmValidator.checkModel(request);
        AlarmValidator.checkRules(request);
        Scope scope = context.scope();
        String key = scope.key(request.alarmName());
        long now = clock.millis();
        AlarmRecord fresh = AlarmConversions.fromRequest(request, now, AlarmEvaluator.INSUFFICIENT);
        synchronized (engine.lock) {
            if (composites.table().get(key).isPresent()) {
                throw AlarmValidator.invalid("The alarm " + request.alarmName() + " already exists as a composite "
                        + "alarm.");
            }
            Optional<AlarmRecord> existing = alarms.get(key);
            if (existing.isEmpty()) {
                alarms.put(key, fresh);
                history.created(scope, fresh, now);
                if (!fresh.tags().isEmpty()) {
                    tags.put(AlarmEngine.arn(scope, fresh.name()), fresh.tags());
                }
            } else {
                AlarmRecord old = existing.get();
                AlarmRecord updated = fresh.keeping(old);
                alarms.put(key, updated);
                history.updated(scope, old, updated, now);
            }
            engine.reschedule(key);
        }
        return PutMetricAlarmResponse.builder().build();
    }

    /**
     * As the API reference says: names of alarms that do not exist are skipped and the others are still deleted
     * (no error; callers confirm with DescribeAlarms). An alarm that a composite alarm's rule still names stops the
     * whole call, with the ValidationError text captured from AWS ({@code Cannot delete a,b as there are composite
     * alarm(s) depending on them.}).
     */
    DeleteAlarmsResponse delete(RequestContext context, DeleteAlarmsRequest request) {
        List<String> names = names(request.hasAlarmNames(), request.alarmNames());
        Scope scope = context.scope();
        long now = clock.millis();
        synchronized (engine.lock) {
            List<String> referenced = names.stream().filter(name -> composites.parentsOf(scope, name).stream()
                    .anyMatch(parent -> !parent.name().equals(name))).toList();
            if (!referenced.isEmpty()) {
                String pronoun = referenced.size() == 1 ? "it." : "them.";
                throw AlarmValidator.validation("Cannot delete " + String.join(",", referenced)
                        + " as there are composite alarm(s) depending on " + pronoun);
            }
            for (String name : names) {
                String key = scope.key(name);
                alarms.get(key).ifPresent(a -> {
                    alarms.remove(key);
                    history.deleted(scope, a, now);
                });
                composites.table().get(key).ifPresent(c -> {
                    composites.table().remove(key);
                    history.compositeConfiguration(scope, c, "Delete", now);
                });
                tags.remove(AlarmEngine.arn(scope, name));
                composites.mutes.forget(scope, name);
            }
        }
        return DeleteAlarmsResponse.builder().build();
    }

    EnableAlarmActionsResponse enable(RequestContext context, EnableAlarmActionsRequest request) {
        setActions(context.scope(), names(request.hasAlarmNames(), request.alarmNames()), true);
        return EnableAlarmActionsResponse.builder().build();
    }

    DisableAlarmActionsResponse disable(RequestContext context, DisableAlarmActionsRequest request) {
        setActions(context.scope(), names(request.hasAlarmNames(), request.alarmNames()), false);
        return DisableAlarmActionsResponse.builder().build();
    }

    /** Alarms that do not exist are skipped silently, as AWS does. */
    private void setActions(Scope scope, List<String> names, boolean enabled) {
        synchronized (engine.lock) {
            for (String name : names) {
                alarms.get(scope.key(name)).filter(a -> a.actionsEnabled() != enabled)
                        .ifPresent(a -> alarms.put(scope.key(name), a.withActionsEnabled(enabled)));
                composites.table().get(scope.key(name)).filter(a -> a.actionsEnabled() != enabled)
                        .ifPresent(a -> composites.table().put(scope.key(name), a.withActionsEnabled(enabled)));
            }
        }
    }

    SetAlarmStateResponse setState(RequestContext context, SetAlarmStateRequest request) {
        Violations v = new Violations();
        if (request.alarmName() == null) {
            v.missing("alarmName");
        }
        v.checkString("alarmName", request.alarmName(), 1, 255, null);
        if (request.stateValue() == null) {
            v.missing("stateValue");
        }
        v.checkEnum("stateValue", request.stateValueAsString(), List.of("INSUFFICIENT_DATA", "ALARM", "OK"));
        if (request.stateReason() == null) {
            v.missing("stateReason");
        }
        v.checkString("stateReason", request.stateReason(), 0, 1023, null);
        v.checkString("stateReasonData", request.stateReasonData(), 0, 4000, null);
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        String data = request.stateReasonData();
        if (data != null && !isJson(data)) {
            throw new AwsException(AwsError.CW_INVALID_FORMAT, "Data was not syntactically valid JSON");
        }
        Scope scope = context.scope();
        String key = scope.key(request.alarmName());
        AlarmState next = new AlarmState(request.stateValueAsString(), request.stateReason(), data, clock.millis());
        synchronized (engine.lock) {
            Optional<AlarmRecord> alarm = alarms.get(key);
            Optional<CompositeRecord> composite = composites.table().get(key);
            if (alarm.isPresent()) {
                engine.transition(scope, key, alarm.get(), next);
            } else if (composite.isPresent()) {
                composites.transition(scope, composite.get(), next, new java.util.HashSet<>());
            } else {
                throw new AwsException(AwsError.CW_RESOURCE_NOT_FOUND, "Alarm " + request.alarmName() + " not found");
            }
        }
        return SetAlarmStateResponse.builder().build();
    }

    private static boolean isJson(String text) {
        try {
            JsonNode node = StateReasons.JSON.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    static List<String> names(boolean present, List<String> names) {
        Violations v = new Violations();
        if (!present) {
            v.missing("alarmNames");
        }
        if (names.size() > MAX_NAMES) {
            v.violated("alarmNames", "Member must have length less than or equal to " + MAX_NAMES);
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                v.missing("alarmNames." + (i + 1) + ".member");
            }
            v.checkString("alarmNames." + (i + 1) + ".member", name, 1, 255, null);
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        return names.stream().distinct().toList();
    }
}
