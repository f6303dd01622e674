package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One alarm mute rule as the journal's {@code alarm-mute-rules} table holds it, keyed {@code account/region/name}.
 * The schedule is kept as written ({@code expression}, {@code duration}, {@code timezone}) and compiled by
 * {@link MuteSchedule}; dates are epoch millis, null when not set.
 */
record MuteRuleRecord(String name, String description, String expression, String duration, String timezone,
        List<String> alarmNames, Long startMillis, Long expireMillis, long lastUpdatedMillis) {
    MuteRuleRecord {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(duration, "duration is null");
        alarmNames = alarmNames == null ? List.of() : List.copyOf(alarmNames);
    }

    /** Compiles the schedule; {@link AlarmMutes#schedule} keeps the compiled form of each stored rule. */
    MuteSchedule compile() {
        return MuteSchedule.parse(expression, duration, timezone);
    }

    /**
     * {@code SCHEDULED}, {@code ACTIVE} or {@code EXPIRED} at {@code nowMillis} under this rule's compiled
     * {@code schedule}: ACTIVE inside a window after the start date and before the expire date; EXPIRED after the
     * expire date or after a one-time window ended.
     */
    String status(MuteSchedule schedule, long nowMillis) {
        if (expireMillis != null && nowMillis >= expireMillis) {
            return "EXPIRED";
        }
        if (schedule.oneTimeEnd().map(end -> nowMillis >= end.toEpochMilli()).orElse(false)) {
            return "EXPIRED";
        }
        boolean started = startMillis == null || nowMillis >= startMillis;
        boolean inWindow = schedule.windowAt(java.time.Instant.ofEpochMilli(nowMillis)).isPresent();
        return started && inWindow ? "ACTIVE" : "SCHEDULED";
    }
}
