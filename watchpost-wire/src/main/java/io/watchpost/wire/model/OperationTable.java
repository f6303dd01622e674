package io.watchpost.wire.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The operations of one service, known by name at once and loaded on first use: an operation's SDK classes and
 * HTTP binding are resolved only when a request names it, which keeps startup from loading some 700 SDK
 * classes. Thread-safe.
 */
public final class OperationTable {
    private final SortedSet<String> names;
    private final Function<String, OperationModel> loader;
    private final ConcurrentHashMap<String, OperationModel> loaded = new ConcurrentHashMap<>();

    public OperationTable(Set<String> names, Function<String, OperationModel> loader) {
        this.names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
        this.loader = requireNonNull(loader, "loader is null");
    }

    public SortedSet<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public Optional<OperationModel> get(String name) {
        return names.contains(name) ? Optional.of(loaded.computeIfAbsent(name, loader)) : Optional.empty();
    }

    /** Every operation, loaded, in name order. */
    public List<OperationModel> all() {
        return names.stream().map(name -> loaded.computeIfAbsent(name, loader)).toList();
    }
}
