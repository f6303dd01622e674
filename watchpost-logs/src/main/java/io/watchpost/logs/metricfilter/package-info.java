/**
 * Metric filters: PutMetricFilter, DescribeMetricFilters and DeleteMetricFilter
 * ({@link io.watchpost.logs.metricfilter.MetricFilters}), {@code metricFilterCount} for DescribeLogGroups
 * ({@link io.watchpost.logs.metricfilter.MetricFilterCounts}) and the ingest listener that publishes datapoints
 * through {@code MetricSink} ({@code MetricFilterListener}). Filters live in the journal's {@code metric-filters}
 * table; decisions are in the module's {@code RATIONALE.md}.
 */
package io.watchpost.logs.metricfilter;
