package io.watchpost.events.targets;

import io.watchpost.core.Arn;
import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import io.watchpost.store.outbox.PermanentFailureException;
import java.util.List;
import java.util.Optional;

/**
 * Sends one delivery to where its target ARN points: CloudWatch Logs log groups through the {@link LogSink} (one log
 * stream per event, named after the event id, one entry holding the payload at the event's time, as EventBridge
 * writes them), event buses through the {@link BusForwarder}, everything else through {@link TargetDelivery}.
 */
final class TargetRouter {
    private final LogSink logs;
    private final TargetDelivery delivery;
    private final BusForwarder buses;

    TargetRouter(LogSink logs, TargetDelivery delivery, BusForwarder buses) {
        this.logs = logs;
        this.delivery = delivery;
        this.buses = buses;
    }

    void send(DeliveryQueue.Item item) throws Exception {
        String arn = item.target().arn();
        Optional<Arn> parsed = Arn.parse(arn);
        String resource = parsed.map(Arn::resource).orElse("");
        if (parsed.isPresent() && parsed.get().service().equals("logs") && resource.startsWith("log-group:")) {
            String group = logGroupName(resource);
            try {
                logs.append(parsed.get().scope(), group, item.eventId(),
                        List.of(new LogSink.LogEntry(item.eventTimeMillis(), item.payload())));
            } catch (RuntimeException e) {
                throw new PermanentFailureException("ResourceNotFoundException", e.getMessage());
            }
        } else if (parsed.isPresent() && parsed.get().service().equals("events") && resource.startsWith("event-bus/")) {
            buses.forward(item.scope(), parsed.get().scope(), resource.substring("event-bus/".length()), item.payload());
        } else {
            delivery.deliver(item.scope(), item.rule(), item.target(), item.payload());
        }
    }

    /** {@code log-group:NAME} or {@code log-group:NAME:*}. */
    static String logGroupName(String resource) {
        String name = resource.substring("log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    void deadLetter(Scope scope, TargetDelivery.RuleRef rule, Target dlq, String payload,
            java.util.Map<String, String> attributes) throws Exception {
        delivery.deliver(scope, rule, dlq, payload, attributes);
    }

}
