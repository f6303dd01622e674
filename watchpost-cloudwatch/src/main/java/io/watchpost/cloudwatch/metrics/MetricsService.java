package io.watchpost.cloudwatch.metrics;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.tsdb.Datum;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStoreConfig;
import io.watchpost.core.Arn;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;

/**
 * CloudWatch metrics ({@code monitoring}, merged with the dashboards service): PutMetricData, GetMetricStatistics,
 * ListMetrics and the tagging operations. Datapoints live in a {@link TimeSeriesStore} under the data directory it
 * is given; tags in the journal's {@code cloudwatch-tags} table. {@link #dataSource()} is the seam for
 * GetMetricData/metric math and alarms, {@link #sink()} the port other services publish through. Call
 * {@link #close()} on shutdown (flushes the store). Thread-safe.
 */
public final class MetricsService implements WatchpostService, AutoCloseable {
    static final String TAGS_TABLE = "cloudwatch-tags";

    private final TimeSeriesStore store;
    private final ResourceTags tags;
    private final MetricDataSource dataSource;
    private final ApiHandlers handlers;

    /** Opens (or recovers) the store in {@code dataDirectory} and schedules its flush and retention tasks. */
    public MetricsService(StateJournal journal, Path dataDirectory, Clock clock, Scheduler scheduler,
            PageTokens pageTokens) throws IOException {
        this(journal, dataDirectory, clock, scheduler, pageTokens, TimeSeriesStoreConfig.defaults());
    }

    public MetricsService(StateJournal journal, Path dataDirectory, Clock clock, Scheduler scheduler,
            PageTokens pageTokens, TimeSeriesStoreConfig config) throws IOException {
        requireNonNull(journal, "journal is null");
        this.store = TimeSeriesStore.open(dataDirectory, clock, scheduler, config);
        this.tags = new ResourceTags(journal.table(TAGS_TABLE, TagRecord.class));
        this.dataSource = new StoreMetricDataSource(store, clock);
        PutMetricData put = new PutMetricData(store, clock);
        GetMetricStatistics statistics = new GetMetricStatistics(store, clock);
        ListMetrics list = new ListMetrics(store, clock, pageTokens);
        this.handlers = ApiHandlers.builder()
                .on(PutMetricDataRequest.class, put::handle)
                .on(GetMetricStatisticsRequest.class, statistics::handle)
                .on(ListMetricsRequest.class, list::handle)
                .on(TagResourceRequest.class, tags::tag)
                .on(UntagResourceRequest.class, tags::untag)
                .on(ListTagsForResourceRequest.class, tags::list)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "monitoring";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    /** Statistics per period and the series that exist: for GetMetricData, metric math and alarms. */
    public MetricDataSource dataSource() {
        return dataSource;
    }

    /**
     * Makes a kind of CloudWatch resource taggable: ARNs whose resource part starts with {@code resourcePrefix}
     * (for example {@code "dashboard/"}, {@code "alarm:"}, {@code "insight-rule/"}) exist when {@code exists} says
     * so. Until a kind is registered, tagging its ARNs answers ResourceNotFoundException.
     */
    public void registerTaggable(String resourcePrefix, Predicate<Arn> exists) {
        tags.register(resourcePrefix, exists);
    }

    /** Sets the tags of a resource another CloudWatch service creates with tags (an alarm's Tags). */
    public void putTags(String arn, Map<String, String> tagMap) {
        tags.replace(arn, tagMap);
    }

    /** Drops the tags of a deleted resource. */
    public void removeTags(String arn) {
        tags.replace(arn, Map.of());
    }

    /** Where other services publish datapoints (metric filters, AWS/Events, AWS/Logs): no API validation. */
    public MetricSink sink() {
        return (scope, data) -> store.put(scope.accountId(), scope.region(), data.stream()
                .map(MetricsService::toDatum).toList());
    }

    private static Datum toDatum(MetricDatum datum) {
        return Datum.value(datum.namespace(), datum.metricName(), datum.dimensions(), datum.unit().orElse("None"),
                datum.timestamp().toEpochMilli(), false, datum.value());
    }

    /** Development reset: the state tables are already wiped; the datapoints go too. */
    @Override
    public void afterReset() {
        try {
            store.wipe();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Flushes the store and stops its background tasks. */
    @Override
    public void close() throws IOException {
        store.close();
    }

    /** For tests and the server's shutdown path: write changed cells now. */
    void flush() throws IOException {
        store.flush();
    }
}
