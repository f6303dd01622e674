/**
 * The metrics time-series store: {@link io.watchpost.cloudwatch.tsdb.TimeSeriesStore} (cells per series, unit,
 * tier and period; write-ahead log; Gorilla-encoded block files; CloudWatch's retention tiers) and the statistic
 * language ({@link io.watchpost.cloudwatch.tsdb.StatisticParser}, {@link io.watchpost.cloudwatch.tsdb.StatisticEvaluator}).
 * Format: {@code docs/formats/metrics-store.md}.
 */
package io.watchpost.cloudwatch.tsdb;
