package io.watchpost.logs.metricfilter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code metric-filters} table: the filters of one group form one key range ordered by filter name. A filter
 * whose {@code groupCreationTime} differs from the group's is a leftover of a deleted group: it is invisible and
 * is removed by the next write to the new group. Thread-safe (the table is).
 */
final class MetricFilterStore {
    static final String TABLE = "metric-filters";

    private final StateTable<MetricFilterRecord> table;

    MetricFilterStore(StateJournal journal) {
        this.table = requireNonNull(journal, "journal is null").table(TABLE, MetricFilterRecord.class);
    }

    /** The live filters of the group in filter-name order (at most AWS's limit of 100, so a list is cheap). */
    List<MetricFilterRecord> live(Scope scope, String logGroupName, long groupCreationTime) {
        List<MetricFilterRecord> filters = new ArrayList<>();
        String prefix = LogGroupDirectory.childPrefix(scope, logGroupName);
        for (Map.Entry<String, MetricFilterRecord> entry : table.view().tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (entry.getValue().groupCreationTime() == groupCreationTime) {
                filters.add(entry.getValue());
            }
        }
        return filters;
    }

    /** Every filter of the scope, live or not, in key order; callers check liveness. */
    Iterable<MetricFilterRecord> scope(Scope scope) {
        String prefix = scope.keyPrefix();
        return () -> table.view().tailMap(prefix, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .iterator();
    }

    void put(Scope scope, MetricFilterRecord filter) {
        table.put(LogGroupDirectory.childKey(scope, filter.logGroupName(), filter.filterName()), filter);
    }

    boolean remove(Scope scope, String logGroupName, String filterName) {
        return table.remove(LogGroupDirectory.childKey(scope, logGroupName, filterName));
    }

    /** Removes the leftovers of earlier groups of this name. */
    void purgeStale(Scope scope, String logGroupName, long groupCreationTime) {
        String prefix = LogGroupDirectory.childPrefix(scope, logGroupName);
        List<String> stale = table.view().tailMap(prefix, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(prefix))
                .filter(entry -> entry.getValue().groupCreationTime() != groupCreationTime)
                .map(Map.Entry::getKey)
                .toList();
        stale.forEach(table::remove);
    }
}
