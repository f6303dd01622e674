package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.util.Optional;

/**
 * What a series is, for labels and PERIOD(): its label so far, the metric it was read from (absent for derived
 * series), the statistic and the period in seconds.
 */
record SeriesInfo(String label, Optional<MetricIdentity> metric, String stat, int period) {
    SeriesInfo {
        requireNonNull(label, "label is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(stat, "stat is null");
    }

    static SeriesInfo derived(int period) {
        return new SeriesInfo("", Optional.empty(), "", period);
    }
}
