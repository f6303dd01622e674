package io.watchpost.events.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of a bus's rules in name order: rules whose names start with {@code namePrefix}, sort after
 * {@code after} and pass {@code filter}. {@code last} is the name to continue after when more remain.
 */
record Page(List<RuleRecord> items, Optional<String> last) {
    static Page of(NavigableMap<String, RuleRecord> busRules, String keyPrefix, String namePrefix,
            String after, int limit, Predicate<RuleRecord> filter) {
        String from = keyPrefix + namePrefix;
        NavigableMap<String, RuleRecord> range = busRules.subMap(from, true, from + '\uffff', false);
        if (after != null) {
            range = range.tailMap(keyPrefix + after, false);
        }
        List<RuleRecord> items = new ArrayList<>(limit);
        for (RuleRecord rule : range.values()) {
            if (!filter.test(rule)) {
                continue;
            }
            if (items.size() == limit) {
                return new Page(items, Optional.of(items.get(limit - 1).name()));
            }
            items.add(rule);
        }
        return new Page(items, Optional.empty());
    }
}
