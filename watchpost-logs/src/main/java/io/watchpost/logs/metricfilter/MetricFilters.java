package io.watchpost.logs.metricfilter;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.store.StateJournal;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;

/**
 * Metric filters: PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter on the journal's {@code metric-filters}
 * table, and the ingest listener that publishes their datapoints. All state is in the journal.
 */
public final class MetricFilters {
    private final MetricFilterStore store;
    private final LogGroupDirectory groups;
    private final MetricFilterWrites writes;
    private final DescribeMetricFilters describe;

    public MetricFilters(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.store = new MetricFilterStore(journal);
        this.groups = LogGroupDirectory.in(journal);
        this.writes = new MetricFilterWrites(store, groups, clock);
        this.describe = new DescribeMetricFilters(store, groups, pageTokens);
    }

    public ApiHandlers.Builder register(ApiHandlers.Builder handlers) {
        return handlers
                .on(PutMetricFilterRequest.class, writes::put)
                .on(DescribeMetricFiltersRequest.class, describe::describe)
                .on(DeleteMetricFilterRequest.class, writes::delete);
    }

    /** A listener that publishes the filters' datapoints to {@code sink}. */
    public IngestListener listener(MetricSink sink) {
        return new MetricFilterListener(store, groups, sink);
    }
}
