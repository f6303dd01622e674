package io.watchpost.logs;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.logs.metricfilter.MetricFilters;
import io.watchpost.logs.subscription.SubscriptionDelivery;
import io.watchpost.logs.subscription.SubscriptionFilters;
import io.watchpost.store.StateJournal;
import java.time.Clock;

/**
 * CloudWatch Logs ({@code logs}) metric and subscription filters. All state lives in the journal's
 * {@code metric-filters} and {@code subscription-filters} tables, so a reset or a restart needs nothing from this
 * class; compiled patterns are cached per stored filter instance and rebuilt on demand. Register
 * {@link #metricFilterListener()} and {@link #subscriptionListener()} with ingestion.
 */
public final class LogFiltersService implements WatchpostService {
    private final ApiHandlers handlers;
    private final IngestListener metricFilterListener;
    private final IngestListener subscriptionListener;

    /**
     * @param metrics where metric filters publish their datapoints
     * @param delivery where subscription payloads (and the control message of a Kinesis or Firehose subscription)
     *     go
     */
    public LogFiltersService(StateJournal journal, Clock clock, PageTokens pageTokens, MetricSink metrics,
            SubscriptionDelivery delivery) {
        MetricFilters metricFilters = new MetricFilters(journal, clock, pageTokens);
        SubscriptionFilters subscriptionFilters = new SubscriptionFilters(journal, clock, pageTokens, delivery);
        this.handlers = subscriptionFilters.register(metricFilters.register(ApiHandlers.builder())).build();
        this.metricFilterListener = metricFilters.listener(metrics);
        this.subscriptionListener = subscriptionFilters.listener(metrics);
    }

    public IngestListener metricFilterListener() {
        return metricFilterListener;
    }

    public IngestListener subscriptionListener() {
        return subscriptionListener;
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }
}
