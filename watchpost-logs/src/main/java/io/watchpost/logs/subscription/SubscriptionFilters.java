package io.watchpost.logs.subscription;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.destination.DestinationDirectory;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.store.StateJournal;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;

/**
 * Subscription filters: PutSubscriptionFilter, DescribeSubscriptionFilters, DeleteSubscriptionFilter on the
 * journal's {@code subscription-filters} table, and the ingest listener that delivers matching events.
 */
public final class SubscriptionFilters {
    private final SubscriptionFilterStore store;
    private final LogGroupDirectory groups;
    private final SubscriptionDelivery delivery;
    private final SubscriptionFilterWrites writes;
    private final DescribeSubscriptionFilters describe;
    private final DestinationDirectory destinations;

    public SubscriptionFilters(StateJournal journal, Clock clock, PageTokens pageTokens, SubscriptionDelivery delivery) {
        this.store = new SubscriptionFilterStore(journal);
        this.groups = LogGroupDirectory.in(journal);
        this.delivery = delivery;
        this.destinations = DestinationDirectory.in(journal);
        this.writes = new SubscriptionFilterWrites(store, groups, clock, delivery, destinations);
        this.describe = new DescribeSubscriptionFilters(store, groups, pageTokens);
    }

    public ApiHandlers.Builder register(ApiHandlers.Builder handlers) {
        return handlers
                .on(PutSubscriptionFilterRequest.class, writes::put)
                .on(DescribeSubscriptionFiltersRequest.class, describe::describe)
                .on(DeleteSubscriptionFilterRequest.class, writes::delete);
    }

    /** The listener that delivers matching events through this object's {@link SubscriptionDelivery}. */
    public IngestListener listener() {
        return listener(MetricSink.NONE);
    }

    /** The same, publishing ForwardedBytes, ForwardedLogEvents and DeliveryErrors to {@code metrics}. */
    public IngestListener listener(MetricSink metrics) {
        return new SubscriptionListener(store, groups, delivery, metrics,
                new DestinationTargets(destinations));
    }
}
