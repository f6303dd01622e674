package io.watchpost.logs.subscription;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code subscription-filters} table: the filters of one group form one key range ordered by filter name. A
 * filter whose {@code groupCreationTime} differs from the group's is a leftover of a deleted group: invisible, and
 * removed by the next put to the new group. Thread-safe (the table is).
 */
final class SubscriptionFilterStore {
    static final String TABLE = "subscription-filters";

    private final StateTable<SubscriptionFilter> table;

    SubscriptionFilterStore(StateJournal journal) {
        this.table = requireNonNull(journal, "journal is null").table(TABLE, SubscriptionFilter.class);
    }

    /** The live filters of the group, in filter-name order (at most AWS's limit of two). */
    List<SubscriptionFilter> live(Scope scope, String logGroupName, long groupCreationTime) {
        return all(scope, logGroupName).map(Map.Entry::getValue)
                .filter(filter -> filter.groupCreationTime() == groupCreationTime)
                .toList();
    }

    void put(Scope scope, SubscriptionFilter filter) {
        table.put(LogGroupDirectory.childKey(scope, filter.logGroupName(), filter.filterName()), filter);
    }

    void remove(Scope scope, String logGroupName, String filterName) {
        table.remove(LogGroupDirectory.childKey(scope, logGroupName, filterName));
    }

    void purgeStale(Scope scope, String logGroupName, long groupCreationTime) {
        all(scope, logGroupName)
                .filter(entry -> entry.getValue().groupCreationTime() != groupCreationTime)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(table::remove);
    }

    private Stream<Map.Entry<String, SubscriptionFilter>> all(Scope scope, String logGroupName) {
        String prefix = LogGroupDirectory.childPrefix(scope, logGroupName);
        return table.view().tailMap(prefix, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(prefix));
    }
}
