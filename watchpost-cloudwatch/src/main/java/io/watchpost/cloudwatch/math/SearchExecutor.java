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

    /**
     * A Metrics Insights query: the matching series grouped by the GROUP BY keys (series lacking one are left out),
     * each group aggregated per period with the query's function (AVG is the group's total Sum over its total
     * SampleCount, COUNT the total SampleCount, SUM, MIN and MAX of the members' statistics), ordered by that
     * function over the whole range when asked, and cut at LIMIT. A group's label is its key values; an ungrouped
     * query's is empty (the result takes the query's Label or Id). Reads count against the SEARCH series budget.
     */
    @Override
    public List<TimeSeries> insights(InsightsQuery query, int period) {
        java.util.Map<List<String>, List<MetricIdentity>> groups = new java.util.TreeMap<>(
                Comparator.comparing((List<String> key) -> String.join("\u0000", key)));
        for (MetricIdentity metric : source.metrics(scope)) {
            if (!query.matches(metric)) {
                continue;
            }
            List<String> key = new ArrayList<>(query.groupBy().size());
            for (String dimension : query.groupBy()) {
                key.add(metric.dimensions().get(dimension));
            }
            if (!key.contains(null)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(metric);
            }
        }
        List<Aggregate> aggregates = new ArrayList<>();
        for (java.util.Map.Entry<List<String>, List<MetricIdentity>> group : groups.entrySet()) {
            List<MetricIdentity> members = group.getValue().stream().sorted(ORDER).toList();
            int reads = query.function().equals("AVG") ? 2 * members.size() : members.size();
            if (reads > remaining) {
                truncated = true;
                break;
            }
            remaining -= reads;
            aggregates.add(aggregate(query.function(), members, period, String.join(" ", group.getKey())));
        }
        if (query.descending().isPresent()) {
            Comparator<Aggregate> byTotal = Comparator.comparingDouble(Aggregate::total);
            aggregates.sort(query.descending().get() ? byTotal.reversed() : byTotal);
        }
        int limit = query.limit().orElse(Integer.MAX_VALUE);
        return aggregates.stream().limit(limit).map(Aggregate::series).toList();
    }

    private record Aggregate(TimeSeries series, double total) {}

    private Aggregate aggregate(String function, List<MetricIdentity> members, int period, String label) {
        String stat = switch (function) {
            case "SUM", "AVG" -> "Sum";
            case "COUNT" -> "SampleCount";
            case "MIN" -> "Minimum";
            default -> "Maximum";
        };
        java.util.TreeMap<Long, double[]> points = new java.util.TreeMap<>();  // time -> {value, count}
        for (MetricIdentity metric : members) {
            TimeSeries primary = reader.read(metric, stat, Optional.empty(), start, end, period, label);
            TimeSeries counts = function.equals("AVG")
                    ? reader.read(metric, "SampleCount", Optional.empty(), start, end, period, label) : null;
            java.util.Map<Long, Double> countAt = new java.util.HashMap<>();
            if (counts != null) {
                for (int i = 0; i < counts.times().length; i++) {
                    countAt.put(counts.times()[i], counts.values()[i]);
                }
            }
            for (int i = 0; i < primary.times().length; i++) {
                double v = primary.values()[i];
                double[] acc = points.get(primary.times()[i]);
                if (acc == null) {
                    points.put(primary.times()[i], new double[] {v, countAt.getOrDefault(primary.times()[i], 0.0)});
                } else {
                    acc[0] = switch (function) {
                        case "MIN" -> Math.min(acc[0], v);
                        case "MAX" -> Math.max(acc[0], v);
                        default -> acc[0] + v;
                    };
                    acc[1] += countAt.getOrDefault(primary.times()[i], 0.0);
                }
            }
        }
        long[] times = new long[points.size()];
        double[] values = new double[points.size()];
        double total = function.equals("MIN") ? Double.POSITIVE_INFINITY
                : function.equals("MAX") ? Double.NEGATIVE_INFINITY : 0;
        double totalCount = 0;
        int k = 0;
        for (java.util.Map.Entry<Long, double[]> p : points.entrySet()) {
            double[] acc = p.getValue();
            double value = function.equals("AVG") ? acc[0] / acc[1] : acc[0];
            if (!Double.isFinite(value)) {
                continue;
            }
            times[k] = p.getKey();
            values[k++] = value;
            total = switch (function) {
                case "MIN" -> Math.min(total, acc[0]);
                case "MAX" -> Math.max(total, acc[0]);
                default -> total + acc[0];
            };
            totalCount += acc[1];
        }
        if (function.equals("AVG")) {
            total = totalCount == 0 ? Double.NaN : total / totalCount;
        }
        SeriesInfo info = new SeriesInfo(label, Optional.empty(), function, period);
        return new Aggregate(TimeSeries.of(times, values, k, info), Double.isFinite(total) ? total : 0);
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
