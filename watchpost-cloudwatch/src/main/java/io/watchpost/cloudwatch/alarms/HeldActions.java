package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.List;

/**
 * The actions of one state change that an alarm mute rule muted, as the journal's {@code alarm-muted-actions}
 * table holds them (keyed like the alarm). They run when no rule mutes the alarm any more, if the alarm is still in
 * the state it was muted in ({@code stateUpdatedMillis} unchanged); a later state change replaces them.
 */
record HeldActions(String alarmName, String alarmArn, long stateUpdatedMillis, String previousState,
        String newState, String newReason, List<String> actions, String detailJson, String snsMessageJson) {
    HeldActions {
        requireNonNull(alarmName, "alarmName is null");
        actions = List.copyOf(actions);
    }

    static HeldActions of(AlarmStateChange change) {
        return new HeldActions(change.alarmName(), change.alarmArn(), change.time().toEpochMilli(),
                change.previousState(), change.newState(), change.newReason(), change.actions(), change.detailJson(),
                change.snsMessageJson());
    }

    AlarmStateChange toChange(Scope scope) {
        return new AlarmStateChange(scope, alarmName, alarmArn, Instant.ofEpochMilli(stateUpdatedMillis),
                previousState, newState, newReason, actions, detailJson, snsMessageJson);
    }
}
