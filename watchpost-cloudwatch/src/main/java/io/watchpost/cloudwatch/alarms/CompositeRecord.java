package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import java.util.List;
import java.util.Map;

/**
 * One composite alarm as the journal's {@code composite-alarms} table holds it (key: account/region/name). The
 * rule is kept as text and recompiled on load (it is small and bounded); optional members are null when absent.
 */
record CompositeRecord(String name, String description, boolean actionsEnabled, List<String> okActions,
        List<String> alarmActions, List<String> insufficientDataActions, String alarmRule, String actionsSuppressor,
        Integer actionsSuppressorWaitPeriod, Integer actionsSuppressorExtensionPeriod, long configUpdatedMillis,
        AlarmState state, long stateTransitionedMillis, Map<String, String> tags, Suppression suppression) {
    /**
     * Actions of the current ALARM state held back by the ActionsSuppressor: {@code by} is AWS's
     * ActionsSuppressedBy ({@code WaitPeriod}, {@code Alarm}, {@code ExtensionPeriod}); {@code untilMillis} is when
     * the wait or extension period ends (0 while the suppressor is in ALARM, which has no end).
     */
    record Suppression(String by, long untilMillis) {
        static final String WAIT = "WaitPeriod";
        static final String ALARM = "Alarm";
        static final String EXTENSION = "ExtensionPeriod";

        /** AWS's ActionsSuppressedReason text, as its alarm state change events carry it. */
        String reason() {
            return "Actions suppressed by " + by;
        }
    }

    CompositeRecord {
        requireNonNull(name, "name is null");
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        requireNonNull(alarmRule, "alarmRule is null");
        requireNonNull(state, "state is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    CompositeRecord withState(AlarmState next, boolean transitioned) {
        return new CompositeRecord(name, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, alarmRule, actionsSuppressor, actionsSuppressorWaitPeriod,
                actionsSuppressorExtensionPeriod, configUpdatedMillis, next,
                transitioned ? next.updatedMillis() : stateTransitionedMillis, tags, suppression);
    }

    CompositeRecord withSuppression(Suppression s) {
        return new CompositeRecord(name, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, alarmRule, actionsSuppressor, actionsSuppressorWaitPeriod,
                actionsSuppressorExtensionPeriod, configUpdatedMillis, state, stateTransitionedMillis, tags, s);
    }

    CompositeRecord withActionsEnabled(boolean enabled) {
        return new CompositeRecord(name, description, enabled, okActions, alarmActions, insufficientDataActions,
                alarmRule, actionsSuppressor, actionsSuppressorWaitPeriod, actionsSuppressorExtensionPeriod,
                configUpdatedMillis, state, stateTransitionedMillis, tags, suppression);
    }

    /** The same configuration with another record's state, transition time and tags (an update keeps them). */
    CompositeRecord keeping(CompositeRecord old) {
        return new CompositeRecord(name, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, alarmRule, actionsSuppressor, actionsSuppressorWaitPeriod,
                actionsSuppressorExtensionPeriod, configUpdatedMillis, old.state(), old.stateTransitionedMillis(),
                old.tags(), actionsSuppressor == null ? null : old.suppression());
    }
}
