package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one evaluation: the query range {@code [start, end)} in epoch seconds, the period of generated
 * series, the values of the queries computed so far, and SEARCH(). Collects whether non-finite results were dropped
 * (CloudWatch's {@code ArithmeticError} message). Not thread-safe: one per request.
 */
final class EvalContext {
    /** Runs a SEARCH() against the series that exist. */
    @FunctionalInterface
    interface SearchRunner {
        List<TimeSeries> search(SearchQuery query, String stat, int period);

        /** Runs a Metrics Insights query; where only SEARCH is wired (alarms), such queries are refused. */
        default List<TimeSeries> insights(InsightsQuery query, int period) {
            throw new MathException("Metrics Insights queries are not supported here", 0);
        }
    }

    final long start;
    final long end;
    int defaultPeriod;
    private final SearchRunner searchRunner;
    private final Map<String, Value> values = new HashMap<>();
    private final List<String> metricIds = new ArrayList<>();
    private boolean droppedNonFinite;

    EvalContext(long start, long end, int defaultPeriod, SearchRunner searchRunner) {
        if (end <= start || defaultPeriod <= 0) {
            throw new IllegalArgumentException("empty range or period");
        }
        this.start = start;
        this.end = end;
        this.defaultPeriod = defaultPeriod;
        this.searchRunner = requireNonNull(searchRunner, "searchRunner is null");
    }

    /** The period of series an expression generates (TIME_SERIES, IF on scalars, SEARCH without a period). */
    void usePeriod(int period) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.defaultPeriod = period;
    }

    /** Adds the result of a MetricStat query; METRICS() returns these in the order they were added. */
    void putMetric(String id, TimeSeries series) {
        values.put(id, new Value.Single(series));
        metricIds.add(id);
    }

    void putExpression(String id, Value value) {
        values.put(id, value);
    }

    Value value(String id) {
        Value value = values.get(id);
        if (value == null) {
            throw new IllegalStateException("no value for " + id + " (evaluation order is wrong)");
        }
        return value;
    }

    List<TimeSeries> metrics(String filter) {
        List<TimeSeries> out = new ArrayList<>();
        for (String id : metricIds) {
            if (id.contains(filter)) {
                out.add(((Value.Single) values.get(id)).series());
            }
        }
        return out;
    }

    List<TimeSeries> insights(InsightsQuery query, int period) {
        return searchRunner.insights(query, period);
    }

    List<TimeSeries> search(SearchQuery query, String stat, int period) {
        return searchRunner.search(query, stat, period);
    }

    void noteDroppedNonFinite() {
        droppedNonFinite = true;
    }

    boolean droppedNonFinite() {
        return droppedNonFinite;
    }

    /** Clears the dropped flag so each expression reports its own arithmetic errors. */
    boolean takeDroppedNonFinite() {
        boolean was = droppedNonFinite;
        droppedNonFinite = false;
        return was;
    }
}
