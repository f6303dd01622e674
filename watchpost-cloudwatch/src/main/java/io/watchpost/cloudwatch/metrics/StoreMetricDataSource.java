package io.watchpost.cloudwatch.metrics;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.tsdb.Cell;
import io.watchpost.cloudwatch.tsdb.SeriesKey;
import io.watchpost.cloudwatch.tsdb.Statistic;
import io.watchpost.cloudwatch.tsdb.StatisticEvaluator;
import io.watchpost.cloudwatch.tsdb.StatisticParser;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@link MetricDataSource} over the {@link TimeSeriesStore}. {@code start} is rounded down as GetMetricStatistics
 * rounds StartTime ({@link PeriodAlignment}), so period keys are aligned the same way for both APIs. Without a unit,
 * the cells of all units of a period are merged into one value. An unknown statistic name is an
 * {@link IllegalArgumentException} (callers validate names first); thread-safe.
 */
final class StoreMetricDataSource implements MetricDataSource {
    /** ListMetrics' horizon: series without data for two weeks are not listed. */
    private static final long LISTED_FOR_MILLIS = ListMetrics.LISTED_FOR.toMillis();

    private final TimeSeriesStore store;
    private final Clock clock;

    StoreMetricDataSource(TimeSeriesStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public NavigableMap<Instant, Double> statistic(Scope scope, MetricIdentity metric, String statistic,
            Optional<String> unit, Instant start, Instant end, int periodSeconds) {
        Statistic parsed;
        try {
            parsed = StatisticParser.parse(statistic);
        } catch (StatisticParser.InvalidStatisticException e) {
            throw new IllegalArgumentException("invalid statistic " + statistic + ": " + e.getMessage(), e);
        }
        long from = PeriodAlignment.alignedStart(start.toEpochMilli(), clock.millis(), periodSeconds);
        long to = PeriodAlignment.endSecond(end.toEpochMilli());
        SeriesKey key = SeriesKey.of(scope.accountId(), scope.region(), metric.namespace(), metric.metricName(),
                metric.dimensions());
        NavigableMap<Long, Cell> merged = new TreeMap<>();
        for (NavigableMap<Long, Cell> periods : store.aggregate(key, unit, from, to, periodSeconds).values()) {
            periods.forEach((periodStart, cell) -> merged.merge(periodStart, cell, Cell::merged));
        }
        NavigableMap<Instant, Double> result = new TreeMap<>();
        merged.forEach((periodStart, cell) -> {
            OptionalDouble value = StatisticEvaluator.evaluate(parsed, cell);
            if (value.isPresent()) {
                result.put(Instant.ofEpochSecond(periodStart), value.getAsDouble());
            }
        });
        return result;
    }

    @Override
    public List<MetricIdentity> metrics(Scope scope) {
        long since = clock.millis() - LISTED_FOR_MILLIS;
        List<MetricIdentity> result = new ArrayList<>();
        for (TimeSeriesStore.SeriesInfo info : store.series(scope.accountId(), scope.region())) {
            if (info.lastArrivalMillis() >= since) {
                SeriesKey key = info.key();
                result.add(new MetricIdentity(key.namespace(), key.metricName(), key.dimensions()));
            }
        }
        result.sort(java.util.Comparator.comparing(m -> SeriesKey.of("", "", m.namespace(), m.metricName(),
                m.dimensions()).sortKey()));
        return result;
    }
}
