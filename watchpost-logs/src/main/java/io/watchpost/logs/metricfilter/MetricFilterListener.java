package io.watchpost.logs.metricfilter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.logs.ingest.IngestedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the metric filters of a group over each ingested batch and publishes the datapoints through
 * {@link MetricSink}, one {@code put} per batch. Only batches ingested after a filter exists reach it, as in AWS,
 * because the listener sees new batches only.
 *
 * <p>Each filter is compiled once and cached by its key; the cache entry is replaced when the stored filter
 * changes (a put replaces the record instance). Thread-safe: batches of different streams may arrive concurrently.
 * A filter that fails is logged and skipped; the listener never throws into ingestion.
 */
public final class MetricFilterListener implements IngestListener {
    private static final System.Logger LOG = System.getLogger(MetricFilterListener.class.getName());

    private final MetricFilterStore store;
    private final LogGroupDirectory groups;
    private final MetricSink sink;
    private final ConcurrentHashMap<String, CompiledMetricFilter> compiled = new ConcurrentHashMap<>();

    MetricFilterListener(MetricFilterStore store, LogGroupDirectory groups, MetricSink sink) {
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public void ingested(Scope scope, String logGroupName, String logStreamName, List<IngestedEvent> events) {
        Optional<Long> groupCreated = groups.creationTime(scope, logGroupName);
        if (groupCreated.isEmpty() || events.isEmpty()) {
            return;
        }
        List<MetricFilterRecord> filters = store.live(scope, logGroupName, groupCreated.get());
        if (filters.isEmpty()) {
            return;
        }
        List<MetricDatum> data = new ArrayList<>();
        for (MetricFilterRecord filter : filters) {
            try {
                compiledFor(scope, filter).publish(events, data);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "metric filter " + filter.filterName() + " of "
                        + logGroupName + " failed; skipped", e);
            }
        }
        if (!data.isEmpty()) {
            sink.put(scope, data);
        }
    }

    private CompiledMetricFilter compiledFor(Scope scope, MetricFilterRecord filter) {
        String key = LogGroupDirectory.childKey(scope, filter.logGroupName(), filter.filterName());
        CompiledMetricFilter current = compiled.get(key);
        if (current != null && current.compiledFrom(filter)) {
            return current;
        }
        CompiledMetricFilter fresh = new CompiledMetricFilter(filter);
        compiled.put(key, fresh);
        return fresh;
    }
}
