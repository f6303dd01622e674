package io.watchpost.events.targets;

/**
 * Where PutEvents hands matched (target, payload) pairs: the durable {@link DurableDeliveries} in the server, the
 * in-memory {@link DeliveryQueue} in tests. {@link #offer} never blocks on delivery.
 */
public interface DeliverySink {
    /** Accepts {@code item} for asynchronous delivery; false when it cannot be accepted (full). */
    boolean offer(DeliveryQueue.Item item);
}
