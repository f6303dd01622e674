package io.watchpost.events.targets;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded in-memory hand-off from PutEvents (the request path) to {@link TargetDelivery}. {@link #offer} never
 * blocks: when the queue is full the entry is refused and PutEvents reports it as failed, which is what a caller
 * of AWS sees under throttling. One worker thread (started by {@link #start}) delivers in arrival order; tests do
 * not start it and call {@link #deliverPending} instead.
 *
 * <p><b>Durability:</b> none yet. An accepted event whose delivery has not run is lost by a restart; making the
 * queue a record log is the next step (see RATIONALE.md). <b>Thread-safety:</b> offer from any thread.
 */
public final class DeliveryQueue implements DeliverySink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DeliveryQueue.class.getName());

    /**
     * One matched (target, payload) pair, with the event's id and time (a log-group target names its stream after
     * the id and stamps the entry with the time).
     */
    public record Item(Scope scope, TargetDelivery.RuleRef rule, Target target, String payload, String eventId,
            long eventTimeMillis) {
        public Item {
            requireNonNull(scope, "scope is null");
            requireNonNull(rule, "rule is null");
            requireNonNull(target, "target is null");
            requireNonNull(payload, "payload is null");
            requireNonNull(eventId, "eventId is null");
        }
    }

    private final TargetDelivery delivery;
    private final BlockingQueue<Item> queue;
    private volatile Thread worker;
    private volatile boolean closed;

    public DeliveryQueue(TargetDelivery delivery, int capacity) {
        this.delivery = requireNonNull(delivery, "delivery is null");
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts the worker thread; idempotent. */
    public synchronized void start() {
        if (worker == null && !closed) {
            worker = Thread.ofPlatform().name("events-delivery").daemon().start(this::run);
        }
    }

    /** Queues {@code item}; false when the queue is full or closed. */
    @Override
    public boolean offer(Item item) {
        return !closed && queue.offer(item);
    }

    /** Delivers every queued item on the calling thread; returns how many were taken. For tests and shutdown. */
    public int deliverPending() {
        int count = 0;
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            deliver(item);
            count++;
        }
        return count;
    }

    public int size() {
        return queue.size();
    }

    private void run() {
        while (!closed) {
            try {
                Item item = queue.poll(200, TimeUnit.MILLISECONDS);
                if (item != null) {
                    deliver(item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(Item item) {
        try {
            delivery.deliver(item.scope(), item.rule(), item.target(), item.payload());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Delivery to " + item.target().arn() + " for rule "
                    + item.rule().ruleArn() + " failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
