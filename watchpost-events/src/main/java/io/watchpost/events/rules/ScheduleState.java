package io.watchpost.events.rules;

import static java.util.Objects.requireNonNull;

/**
 * A schedule rule's phase as persisted in the {@code events.rule-schedules} state table (keyed like the rule):
 * the expression it belongs to, the anchor its {@code rate()} slots count from ({@code anchor + k * period}, k >= 1),
 * and the last slot that fired (null before the first). Kept across restarts so that a rate keeps its phase and no
 * slot fires twice; dropped when the rule is disabled, deleted or given another expression.
 */
record ScheduleState(String expression, long anchorMillis, Long lastSlotMillis) {
    ScheduleState {
        requireNonNull(expression, "expression is null");
    }

    ScheduleState fired(long slotMillis) {
        return new ScheduleState(expression, anchorMillis, slotMillis);
    }

    /** The first slot time not yet fired: slots after the last fired one, or after the anchor. */
    long notFiredAfter() {
        return lastSlotMillis == null ? anchorMillis : lastSlotMillis;
    }
}
