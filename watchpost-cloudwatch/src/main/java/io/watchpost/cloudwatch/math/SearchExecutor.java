package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.cloudwatch.metrics.MetricIdentity;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs SEARCH() against the metrics of the caller's scope: matching series in a stable order (namespace, metric
 * name, dimensions), each read with the search's statistic and period. A request returns at most
 * {@value #MAX_SERIES} searched series in total; the rest are left out and {@link #truncated()} says so.
 * The default label of a found series is its dimension values followed by its metric name.
 */
final class SearchExecutor implements EvalContext.SearchRunner {
    static final int MAX_SERIES = 500;
    private static final Comparator<MetricIdentity> ORDER = Comparator.comparing(MetricIdentity::namespace)
            .thenComparing(MetricIdentity::metricName)
            .thenComparing(m -> m.dimensions().toString());

    private final MetricDataSource source;
    private final Scope scope;
    private final SeriesReader reader;
    private final Instant start;
    private final Instant end;
    private int remaining = MAX_SERIES;
    private boolean truncated;

    SearchExecutor(MetricDataSource source, Scope scope, SeriesReader reader, Instant start, Instant end) {
        this.source = source;
        this.scope = scope;
        this.reader = reader;
        this.start = start;
        this.end = end;
    }

    @Override
    public List<TimeSeries> search(SearchQuery query, String stat, int period) {
        List<MetricIdentity> matches = source.metrics(scope).stream().filter(query::matches).sorted(ORDER).toList();
        if (matches.size() > remaining) {
            truncated = true;
            matches = matches.subList(0, remaining);
        }
        remaining -= matches.size();
        List<TimeSeries> out = new ArrayList<>(matches.size());
        for (MetricIdentity metric : matches) {
            out.add(reader.read(metric, stat, Optional.empty(), start, end, period, label(metric)));
        }
        return out;
    }

    boolean truncated() {
        return truncated;
    }

    static String label(MetricIdentity metric) {
        List<String> parts = new ArrayList<>(metric.dimensions().values());
        parts.add(metric.metricName());
        return String.join(" ", parts);
    }
}
