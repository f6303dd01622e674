package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudwatch.alarms.AlarmStateChange;
import io.watchpost.cloudwatch.alarms.AlarmStateListener;
import io.watchpost.cloudwatch.alarms.AlarmsService;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.server.delivery.HttpDestinations;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What happens when an alarm changes state: the {@code CloudWatch Alarm State Change} event goes to the default
 * bus, and each action of the new state runs. An SNS topic mapped in configuration receives the notification
 * as SNS delivers it to an HTTP subscriber; any other action is recorded in the alarm's history as one AWS
 * could not perform. Runs off the alarms lock, on its own thread.
 */
final class AlarmActions implements AlarmStateListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlarmActions.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpDestinations destinations;
    private final Supplier<EventPublisher> events;
    private final Supplier<AlarmsService> alarms;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("watchpost-alarm-actions").daemon(true).factory());

    /** Suppliers, because the alarms service and the bus are built after this listener. */
    AlarmActions(HttpDestinations destinations, Supplier<EventPublisher> events, Supplier<AlarmsService> alarms) {
        this.destinations = destinations;
        this.events = events;
        this.alarms = alarms;
    }

    @Override
    public void stateChanged(AlarmStateChange change) {
        executor.execute(() -> {
            try {
                events.get().publish(change.scope(), "default", change.toEvent());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "alarm state change event for " + change.alarmArn()
                        + " could not be published", e);
            }
            change.actions().forEach(action -> run(change, action));
        });
    }

    /** Actions a mute rule held back: the event went out with the state change, so only the actions run now. */
    @Override
    public void actionsReleased(AlarmStateChange change) {
        executor.execute(() -> change.actions().forEach(action -> run(change, action)));
    }

    private void run(AlarmStateChange change, String action) {
        boolean sns = action.startsWith("arn:aws:sns:") || action.startsWith("arn:aws-cn:sns:")
                || action.startsWith("arn:aws-us-gov:sns:");
        try {
            if (sns && destinations.deliver(action, notification(change, action), "text/plain; charset=UTF-8",
                    change.alarmArn())) {
                alarms.get().recordAction(change, action, true, "Published to " + action);
                return;
            }
            alarms.get().recordAction(change, action, false, sns
                    ? "No endpoint is configured for " + action
                    : "Watchpost does not perform actions of this type: " + action);
        } catch (Exception e) {
            alarms.get().recordAction(change, action, false, "Failed to publish to " + action + ": "
                    + e.getMessage());
        }
    }

    /** The JSON document SNS POSTs to an HTTP subscription: the alarm message inside a Notification. */
    private static byte[] notification(AlarmStateChange change, String topicArn) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", UUID.randomUUID().toString())
                .put("TopicArn", topicArn)
                .put("Subject", change.snsSubject())
                .put("Message", change.snsMessageJson())
                .put("Timestamp", change.time().toString())
                .put("SignatureVersion", "1")
                .put("Signature", "")
                .put("SigningCertURL", "")
                .put("UnsubscribeURL", "");
        return envelope.toString().getBytes(UTF_8);
    }

    /** Lets queued actions finish (bounded), then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
