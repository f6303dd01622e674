package io.watchpost.logs.metricfilter;

import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;

/**
 * How many metric filters a log group has, for DescribeLogGroups' {@code metricFilterCount}. Reads the same
 * {@code metric-filters} table the filter operations write, so the count is always current. Thread-safe.
 */
public final class MetricFilterCounts {
    private final MetricFilterStore store;

    private MetricFilterCounts(MetricFilterStore store) {
        this.store = store;
    }

    public static MetricFilterCounts in(StateJournal journal) {
        return new MetricFilterCounts(new MetricFilterStore(journal));
    }

    /** The live filters of the group created at {@code groupCreationTime} (at most 100: a short range scan). */
    public int count(Scope scope, String logGroupName, long groupCreationTime) {
        return store.live(scope, logGroupName, groupCreationTime).size();
    }
}
