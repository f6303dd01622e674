package io.watchpost.logs.subscription;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.filter.FilterPattern;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.logs.ingest.IngestedEvent;
import io.watchpost.logs.metrics.LogsMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the subscription filters of a group over each ingested batch and hands one {@code DATA_MESSAGE} per filter
 * with matches (the matching events of the batch, in stream order) to {@link SubscriptionDelivery}.
 *
 * <p>Patterns are compiled once per stored filter and cached by key; a put replaces the record instance, which
 * replaces the cache entry. Thread-safe. A failing filter is logged and skipped; nothing is thrown into ingestion.
 * Delivery is as durable as the {@link SubscriptionDelivery} makes it: this listener keeps nothing.
 */
public final class SubscriptionListener implements IngestListener {
    private static final System.Logger LOG = System.getLogger(SubscriptionListener.class.getName());

    private record Compiled(SubscriptionFilter source, FilterPattern pattern) {}

    private final SubscriptionFilterStore store;
    private final LogGroupDirectory groups;
    private final SubscriptionDelivery delivery;
    private final MetricSink metrics;
    private final DestinationTargets targets;
    private final ConcurrentHashMap<String, Compiled> compiled = new ConcurrentHashMap<>();

    SubscriptionListener(SubscriptionFilterStore store, LogGroupDirectory groups, SubscriptionDelivery delivery,
            MetricSink metrics, DestinationTargets targets) {
        this.targets = requireNonNull(targets, "targets is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
    }

    @Override
    public void ingested(Scope scope, String logGroupName, String logStreamName, List<IngestedEvent> events) {
        Optional<Long> groupCreated = groups.creationTime(scope, logGroupName);
        if (groupCreated.isEmpty() || events.isEmpty()) {
            return;
        }
        for (SubscriptionFilter filter : store.live(scope, logGroupName, groupCreated.get())) {
            try {
                deliver(scope, logStreamName, events, filter);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "subscription filter " + filter.filterName() + " of "
                        + logGroupName + " failed; skipped", e);
            }
        }
    }

    private void deliver(Scope scope, String logStreamName, List<IngestedEvent> events, SubscriptionFilter filter) {
        FilterPattern pattern = patternOf(scope, filter);
        List<SubscriptionPayloads.LogEvent> matching = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IngestedEvent event = events.get(i);
            if (pattern.matches(event.message())) {
                matching.add(new SubscriptionPayloads.LogEvent(EventIds.of(event, logStreamName, i),
                        event.timestamp(), event.message()));
            }
        }
        if (matching.isEmpty()) {
            return;
        }
        byte[] payload = SubscriptionPayloads.data(scope.accountId(), filter.logGroupName(), logStreamName,
                List.of(filter.filterName()), matching);
        DestinationKind kind = Arn.parse(filter.destinationArn()).flatMap(DestinationKind::of)
                .orElse(DestinationKind.LAMBDA);
        Instant at = Instant.ofEpochMilli(events.get(0).ingestionTime());
        Optional<SubscriptionFilter> target = targets.resolve(filter);
        if (target.isEmpty()) {
            LogsMetrics.deliveryErrors(metrics, scope, filter.logGroupName(), filter.filterName(), kind, at,
                    matching.size());
            return;
        }
        try {
            delivery.deliver(scope, target.get(), payload);
        } catch (RuntimeException e) {
            LogsMetrics.deliveryErrors(metrics, scope, filter.logGroupName(), filter.filterName(), kind, at,
                    matching.size());
            throw e;
        }
        LogsMetrics.forwarded(metrics, scope, filter.logGroupName(), filter.filterName(), kind, at, payload.length,
                matching.size());
    }

    private FilterPattern patternOf(Scope scope, SubscriptionFilter filter) {
        String key = LogGroupDirectory.childKey(scope, filter.logGroupName(), filter.filterName());
        Compiled current = compiled.get(key);
        if (current == null || current.source() != filter) {
            current = new Compiled(filter, FilterPattern.compile(filter.filterPattern()));
            compiled.put(key, current);
        }
        return current.pattern();
    }
}
