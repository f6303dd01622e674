package io.watchpost.events.targets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import io.watchpost.core.port.MetricSink;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.outbox.Outbox;
import io.watchpost.store.outbox.OutboxItem;
import io.watchpost.store.outbox.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * EventBridge's asynchronous, at-least-once target delivery: every accepted (target, payload) pair is written to an
 * {@link Outbox} before PutEvents answers, so it survives a restart, and is retried per the target's
 * {@code RetryPolicy} (MaximumRetryAttempts 0-185, default 185 retries; MaximumEventAgeInSeconds 60-86400, default
 * 86400). An undeliverable event goes to the target's {@code DeadLetterConfig} queue with AWS's message
 * attributes, through {@link TargetDelivery} like any SQS target; without one it is dropped (logged).
 *
 * <p>The item is stored as JSON (scope, rule, target as configured at match time, payload, event id and time).
 * <b>Thread-safety:</b> {@link #offer} from any thread.
 */
public final class DurableDeliveries implements DeliverySink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DurableDeliveries.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_RETRIES = 185;
    static final int DEFAULT_MAX_AGE_SECONDS = 86_400;
    /** How often delivery counters go to the {@link MetricSink} (AWS: every minute; shorter here, same sums). */
    static final Duration METRICS_PERIOD = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final TargetRouter router;
    private final Clock clock;
    private final MetricCounters counters = new MetricCounters();
    private volatile MetricSink metrics = MetricSink.NONE;
    private volatile BusForwarder buses = (from, to, bus, json) -> {
        throw new IllegalStateException("no bus forwarder installed");
    };

    private DurableDeliveries(Path dir, Clock clock, RandomGenerator random, Scheduler scheduler, LogSink logs,
            TargetDelivery delivery, Outbox.Config config) throws IOException {
        this.router = new TargetRouter(requireNonNull(logs, "logs is null"),
                requireNonNull(delivery, "delivery is null"), (from, to, bus, json) -> buses.forward(from, to, bus, json));
        this.clock = requireNonNull(clock, "clock is null");
        this.outbox = Outbox.open(dir, config, clock, random, scheduler, this::send, this::deadLetter);
        scheduler.schedule("events delivery metrics", clock.instant().plus(METRICS_PERIOD), METRICS_PERIOD,
                this::flushMetrics);
    }

    /** Opens the outbox in {@code dir} (created when missing) and schedules delivery on {@code scheduler}. */
    public static DurableDeliveries open(Path dir, Clock clock, RandomGenerator random, Scheduler scheduler,
            LogSink logs, TargetDelivery delivery) throws IOException {
        return open(dir, clock, random, scheduler, logs, delivery, Outbox.Config.defaults());
    }

    /** {@link #open} with the outbox's tuning; the server gives deliveries their own thread. */
    public static DurableDeliveries open(Path dir, Clock clock, RandomGenerator random, Scheduler scheduler,
            LogSink logs, TargetDelivery delivery, Outbox.Config config) throws IOException {
        return new DurableDeliveries(dir, clock, random, scheduler, logs, delivery, config);
    }

    /** Installs where event-bus targets go; the rules service does this when it is built. */
    public void forwardBusesTo(BusForwarder forwarder) {
        this.buses = requireNonNull(forwarder, "forwarder is null");
    }

    /**
     * Sends the {@code AWS/Events} delivery metrics (InvocationAttempts, SuccessfulInvocationAttempts,
     * RetryInvocationAttempts, Invocations, FailedInvocations, DeadLetterInvocations, InvocationsSentToDlq,
     * InvocationsFailedToBeSentToDlq) to {@code sink}, summed over {@link #METRICS_PERIOD}. Default: none.
     */
    public void metricsTo(MetricSink sink) {
        this.metrics = requireNonNull(sink, "sink is null");
    }

    /** Sends the delivery counters summed since the last flush (the scheduler does this; tests call it). */
    public void flushMetrics() {
        counters.flush(metrics, clock.instant());
    }

    @Override
    public boolean offer(DeliveryQueue.Item item) {
        try {
            outbox.enqueue(item.target().arn(), JSON.writeValueAsBytes(item), policy(item.target()));
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store a delivery to " + item.target().arn(), e);
            return false;
        }
    }

    /** Runs one delivery pass now (tests; the scheduler does this in the server). */
    public int deliverDue() {
        return outbox.deliverDue();
    }

    public long pending() {
        return outbox.pending();
    }

    static RetryPolicy policy(Target target) {
        Target.RetryPolicy configured = target.retryPolicy();
        Integer retries = configured == null ? null : configured.maximumRetryAttempts();
        Integer age = configured == null ? null : configured.maximumEventAgeInSeconds();
        return new RetryPolicy((retries == null ? DEFAULT_RETRIES : retries) + 1,
                Duration.ofSeconds(age == null ? DEFAULT_MAX_AGE_SECONDS : age));
    }

    private void send(OutboxItem stored) throws Exception {
        DeliveryQueue.Item item = JSON.readValue(stored.payload(), DeliveryQueue.Item.class);
        count(item, "InvocationAttempts", true);
        if (stored.attempts() > 0) {
            count(item, "RetryInvocationAttempts", true);
        }
        router.send(item);
        count(item, "SuccessfulInvocationAttempts", true);
        count(item, "Invocations", false);
        counters.add(item.scope(), "Invocations", java.util.Map.of());
    }

    /** Counts one for the rule's series, and with {@code overall} also the bus's and the dimensionless one. */
    private void count(DeliveryQueue.Item item, String metric, boolean overall) {
        String bus = item.rule().eventBusName();
        counters.add(item.scope(), metric, EventsMetrics.rule(bus, item.rule().ruleName()));
        if (overall) {
            counters.add(item.scope(), metric, EventsMetrics.bus(bus));
            counters.add(item.scope(), metric, java.util.Map.of());
        }
    }

    private void deadLetter(Outbox.DeadLetter letter) {
        DeliveryQueue.Item item;
        try {
            item = JSON.readValue(letter.item().payload(), DeliveryQueue.Item.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dlqArn = item.target().deadLetterArn();
        if (dlqArn == null) {
            // A permanent failure without a dead-letter queue: an invocation that failed (user guide).
            count(item, "FailedInvocations", false);
            count(item, "Invocations", false);
            counters.add(item.scope(), "Invocations", java.util.Map.of());
            LOG.log(System.Logger.Level.WARNING, "dropping an undeliverable event for " + item.target().arn()
                    + " (" + letter.reason() + ", no dead-letter queue)");
            return;
        }
        Target dlq = new Target(item.target().id(), dlqArn, null, null, null, null, null, null, null, null, null);
        try {
            router.deadLetter(item.scope(), item.rule(), dlq, item.payload(), attributes(item, letter));
            count(item, "DeadLetterInvocations", false);
            count(item, "InvocationsSentToDlq", false);
        } catch (Exception e) {
            count(item, "InvocationsFailedToBeSentToDlq", false);
            LOG.log(System.Logger.Level.WARNING, "dead-letter delivery to " + dlqArn + " failed", e);
        }
    }

    /** The message attributes EventBridge puts on a dead-lettered event (user guide, "dead-letter queues"). */
    static Map<String, String> attributes(DeliveryQueue.Item item, Outbox.DeadLetter letter) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RULE_ARN", item.rule().ruleArn());
        attributes.put("TARGET_ARN", item.target().arn());
        if (letter.errorCode() != null) {
            attributes.put("ERROR_CODE", letter.errorCode());
        }
        if (letter.errorMessage() != null) {
            attributes.put("ERROR_MESSAGE", letter.errorMessage());
        }
        switch (letter.reason()) {
            case MAXIMUM_RETRY_ATTEMPTS -> attributes.put("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts");
            case MAXIMUM_EVENT_AGE -> attributes.put("EXHAUSTED_RETRY_CONDITION", "MaximumEventAge");
            case NOT_RETRYABLE -> { }
        }
        attributes.put("RETRY_ATTEMPTS", Integer.toString(Math.max(0, letter.attempts() - 1)));
        return attributes;
    }

    @Override
    public void close() throws IOException {
        outbox.close();
    }

}
