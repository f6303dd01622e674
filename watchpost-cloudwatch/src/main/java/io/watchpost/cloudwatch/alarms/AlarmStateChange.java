package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.core.port.EventPublisher;
import java.time.Instant;
import java.util.List;

/**
 * One alarm state change. {@code actions} are the ARNs of the new state's actions, empty when the alarm's actions
 * are disabled; {@code detailJson} is the {@code CloudWatch Alarm State Change} event detail as AWS writes it;
 * {@code snsMessageJson} is the message CloudWatch publishes to an SNS topic action (the SNS notification's
 * {@code Message}, with {@code Subject} {@link #snsSubject()}).
 */
public record AlarmStateChange(Scope scope, String alarmName, String alarmArn, Instant time, String previousState,
        String newState, String newReason, List<String> actions, String detailJson, String snsMessageJson) {
    public AlarmStateChange {
        requireNonNull(scope, "scope is null");
        requireNonNull(alarmName, "alarmName is null");
        requireNonNull(alarmArn, "alarmArn is null");
        requireNonNull(time, "time is null");
        requireNonNull(previousState, "previousState is null");
        requireNonNull(newState, "newState is null");
        requireNonNull(newReason, "newReason is null");
        actions = List.copyOf(actions);
        requireNonNull(detailJson, "detailJson is null");
        requireNonNull(snsMessageJson, "snsMessageJson is null");
    }

    /** The SNS Subject AWS uses: {@code ALARM: "name" in US East (N. Virginia)}, truncated to SNS's 100 chars. */
    public String snsSubject() {
        String region = AlarmNotifications.regionName(scope.region());
        String subject = newState + ": \"" + alarmName + "\" in " + region;
        return subject.length() <= 100 ? subject : subject.substring(0, 100);
    }

    /** The EventBridge event AWS puts on the account's default bus for this change. */
    public EventPublisher.Event toEvent() {
        return new EventPublisher.Event("aws.cloudwatch", "CloudWatch Alarm State Change", detailJson,
                List.of(alarmArn), time);
    }
}
