package io.watchpost.events.targets;

import io.watchpost.core.Scope;

/** Puts an event (as delivered JSON) on another bus: an event-bus target. Implemented by the rules service. */
@FunctionalInterface
public interface BusForwarder {
    /**
     * @param from the scope of the rule forwarding the event (for the target bus's policy)
     * @param to the target bus's account and region
     * @throws io.watchpost.store.outbox.PermanentFailureException when the bus does not exist or refuses the sender
     */
    void forward(Scope from, Scope to, String busName, String eventJson) throws Exception;
}
