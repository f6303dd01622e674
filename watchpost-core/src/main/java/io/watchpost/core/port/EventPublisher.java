package io.watchpost.core.port;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.List;

/**
 * Where services emit EventBridge events (alarm state changes, CloudTrail API-call events), as an AWS service
 * puts them on a bus: the bus assigns the id, account and region.
 */
public interface EventPublisher {
    void publish(Scope scope, String eventBusName, Event event);

    EventPublisher NONE = (scope, bus, event) -> {};

    /** An event as a service hands it over; {@code detailJson} is a JSON object. */
    record Event(String source, String detailType, String detailJson, List<String> resources, Instant time) {
        public Event {
            requireNonNull(source, "source is null");
            requireNonNull(detailType, "detailType is null");
            requireNonNull(detailJson, "detailJson is null");
            resources = List.copyOf(resources);
            requireNonNull(time, "time is null");
        }
    }
}
