package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Turns evaluated series into results: labels (the query's Label rendered with the series, else the metric name
 * for MetricStat, the Id for an expression returning one series, and each series' own label for an array) and
 * points in {@code ScanBy} order.
 */
final class ResultBuilder {
    private final Labels.Setting setting;
    private final boolean ascending;

    ResultBuilder(Labels.Setting setting, boolean ascending) {
        this.setting = setting;
        this.ascending = ascending;
    }

    ResultSeries metric(QuerySpec.MetricQuery query, String defaultLabel, TimeSeries series) {
        String label = query.label().map(l -> Labels.render(l, defaultLabel, series, setting)).orElse(defaultLabel);
        return ordered(query.id(), label, series, StatusCode.COMPLETE, List.of());
    }

    ResultSeries failed(QuerySpec query, String defaultLabel, StatusCode status, MessageData message) {
        return new ResultSeries(query.id(), query.label().orElse(defaultLabel), new long[0], new double[0], status,
                List.of(message));
    }

    List<ResultSeries> expression(QuerySpec.ExpressionQuery query, Value value, List<MessageData> messages) {
        if (value instanceof Value.Single single) {
            TimeSeries s = single.series();
            String label = query.label().map(l -> Labels.render(l, query.id(), s, setting)).orElse(query.id());
            return List.of(ordered(query.id(), label, s, StatusCode.COMPLETE, messages));
        }
        List<ResultSeries> out = new ArrayList<>();
        for (TimeSeries s : value.asList()) {
            String own = s.info().label().isEmpty() ? query.id() : s.info().label();
            String label = query.label().map(l -> arrayLabel(l, own, s)).orElse(own);
            out.add(ordered(query.id(), label, s, StatusCode.COMPLETE, messages));
        }
        return out;
    }

    /**
     * A label for one series of an array: a label with dynamic placeholders is rendered per series; plain text is
     * put in front of the series' own label, as the console shows "Expression-Label Metric-Label".
     */
    private String arrayLabel(String template, String own, TimeSeries s) {
        if (template.isEmpty()) {
            return own;
        }
        if (template.contains("${")) {
            return Labels.render(template, own, s, setting);
        }
        return template + " " + own;
    }

    private ResultSeries ordered(String id, String label, TimeSeries s, StatusCode status, List<MessageData> messages) {
        long[] times = s.times();
        double[] values = s.values();
        if (!ascending) {
            int n = times.length;
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = times[n - 1 - i];
                v[i] = values[n - 1 - i];
            }
            times = t;
            values = v;
        }
        return new ResultSeries(id, label, times, values, status, messages);
    }
}
