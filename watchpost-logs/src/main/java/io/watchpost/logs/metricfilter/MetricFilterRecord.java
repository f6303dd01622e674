package io.watchpost.logs.metricfilter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A metric filter as persisted in the {@code metric-filters} table, keyed by
 * {@code LogGroupDirectory.childKey(scope, logGroupName, filterName)}. It holds its one metric transformation inline
 * (AWS allows exactly one). {@code defaultValue}, {@code unit} and {@code fieldSelectionCriteria} are {@code null}
 * when not set. {@code groupCreationTime} ties the filter to the incarnation of the group it was put on.
 */
record MetricFilterRecord(
        String logGroupName,
        long groupCreationTime,
        String filterName,
        String filterPattern,
        long creationTime,
        String metricName,
        String metricNamespace,
        String metricValue,
        Double defaultValue,
        Map<String, String> dimensions,
        String unit,
        boolean applyOnTransformedLogs,
        String fieldSelectionCriteria,
        List<String> emitSystemFieldDimensions) {
    MetricFilterRecord {
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(filterName, "filterName is null");
        requireNonNull(filterPattern, "filterPattern is null");
        requireNonNull(metricName, "metricName is null");
        requireNonNull(metricNamespace, "metricNamespace is null");
        requireNonNull(metricValue, "metricValue is null");
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        emitSystemFieldDimensions = emitSystemFieldDimensions == null ? List.of() : List.copyOf(emitSystemFieldDimensions);
    }
}
