package io.watchpost.cloudtrail;

import io.watchpost.core.Scope;
import io.watchpost.core.port.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventPublisher} that keeps what it is given. */
final class CollectingEventPublisher implements EventPublisher {
    record Published(Scope scope, String bus, Event event) {}

    final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Scope scope, String eventBusName, Event event) {
        published.add(new Published(scope, eventBusName, event));
    }
}
