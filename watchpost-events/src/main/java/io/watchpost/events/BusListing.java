package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * Walks one scope's buses in name order, optionally restricted to a name prefix, with the implicit default bus
 * merged in at its place in the order when it has no record of its own.
 */
final class BusListing {
    private final NavigableMap<String, BusRecord> scopeBuses;
    private final String keyPrefix;
    private final String namePrefix;
    private final boolean defaultStored;

    BusListing(NavigableMap<String, BusRecord> allBuses, Scope scope, String namePrefix) {
        this.keyPrefix = scope.keyPrefix();
        this.namePrefix = namePrefix == null ? "" : namePrefix;
        String from = keyPrefix + this.namePrefix;
        // Names are ASCII (the model's pattern), so '\uffff' sorts after every key that has the prefix.
        this.scopeBuses = requireNonNull(allBuses, "allBuses is null").subMap(from, true, from + '\uffff', false);
        this.defaultStored = allBuses.containsKey(scope.key(BusRecord.DEFAULT));
    }

    /** Up to {@code max} buses whose names sort after {@code after} (all of them when {@code after} is null). */
    List<BusRecord> page(String after, int max) {
        NavigableMap<String, BusRecord> rest = after == null ? scopeBuses : scopeBuses.tailMap(keyPrefix + after, false);
        boolean defaultPending = !defaultStored && BusRecord.DEFAULT.startsWith(namePrefix)
                && (after == null || BusRecord.DEFAULT.compareTo(after) > 0);
        List<BusRecord> page = new ArrayList<>();
        for (BusRecord bus : rest.values()) {
            if (page.size() == max) {
                return page;
            }
            if (defaultPending && bus.name().compareTo(BusRecord.DEFAULT) > 0) {
                page.add(BusRecord.implicitDefault());
                defaultPending = false;
                if (page.size() == max) {
                    return page;
                }
            }
            page.add(bus);
        }
        if (defaultPending && page.size() < max) {
            page.add(BusRecord.implicitDefault());
        }
        return page;
    }
}
