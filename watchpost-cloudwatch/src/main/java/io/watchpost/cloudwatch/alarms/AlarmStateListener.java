package io.watchpost.cloudwatch.alarms;

/**
 * Told of every alarm state change (evaluation or SetAlarmState), after the new state is durable in the journal.
 * The server wires it to EventBridge (publish {@link AlarmStateChange#toEvent()} to the default bus through the
 * {@code EventPublisher} port) and to the alarm's actions ({@link AlarmStateChange#actions()}). Called on the
 * scheduler's thread or a request thread; implementations must be thread-safe and must not block for long.
 */
@FunctionalInterface
public interface AlarmStateListener {
    void stateChanged(AlarmStateChange change);

    /**
     * Actions an alarm mute rule held back are due now: the alarm is still in the state of {@code change}, whose
     * actions were muted when it happened. Run them; the state-change event was already published.
     */
    default void actionsReleased(AlarmStateChange change) {}

    AlarmStateListener NONE = change -> {};
}
