package io.watchpost.logs.metricfilter;

import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/** Renders a stored metric filter as the DescribeMetricFilters {@code MetricFilter} shape. */
final class MetricFilterView {
    private MetricFilterView() {}

    /**
     * As recorded from AWS (2026): {@code applyOnTransformedLogs} always present, {@code defaultValue},
     * {@code unit} and {@code dimensions} only when set, the pattern as given (even {@code " "}).
     */
    static MetricFilter of(MetricFilterRecord filter) {
        MetricTransformation.Builder transformation = MetricTransformation.builder()
                .metricName(filter.metricName())
                .metricNamespace(filter.metricNamespace())
                .metricValue(filter.metricValue())
                .defaultValue(filter.defaultValue())
                .unit(filter.unit());
        if (!filter.dimensions().isEmpty()) {
            transformation.dimensions(filter.dimensions());
        }
        MetricFilter.Builder builder = MetricFilter.builder()
                .filterName(filter.filterName())
                .filterPattern(filter.filterPattern())
                .metricTransformations(transformation.build())
                .creationTime(filter.creationTime())
                .logGroupName(filter.logGroupName())
                .applyOnTransformedLogs(filter.applyOnTransformedLogs())
                .fieldSelectionCriteria(filter.fieldSelectionCriteria());
        if (!filter.emitSystemFieldDimensions().isEmpty()) {
            builder.emitSystemFieldDimensions(filter.emitSystemFieldDimensions());
        }
        return builder.build();
    }
}
