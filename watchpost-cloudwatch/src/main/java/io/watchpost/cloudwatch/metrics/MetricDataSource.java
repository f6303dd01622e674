package io.watchpost.cloudwatch.metrics;

import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The seam between the time-series store and its readers (GetMetricData and metric math, alarms): statistics of
 * one series per period, and the series that exist. Implemented by the store; thread-safe.
 */
public interface MetricDataSource {
    /**
     * The value of {@code statistic} for every period that has data in {@code [start, end)}, keyed by the start of
     * the period, ascending. {@code statistic} is any statistic GetMetricStatistics accepts: SampleCount,
     * Average, Sum, Minimum, Maximum, or an extended statistic such as {@code p99}, {@code tm(10%:90%)}, {@code iqm}.
     * With a unit, only datapoints stored with that unit count.
     */
    NavigableMap<Instant, Double> statistic(Scope scope, MetricIdentity metric, String statistic,
            Optional<String> unit, Instant start, Instant end, int periodSeconds);

    /** Every series of the scope that has data, for SEARCH() and ListMetrics-like lookups. */
    List<MetricIdentity> metrics(Scope scope);
}
