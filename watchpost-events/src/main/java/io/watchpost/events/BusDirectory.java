package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;

/**
 * Read-only view of which event buses exist, for the services in the sub-packages (rules, PutEvents) that must
 * refuse a bus that does not exist. Backed by the same {@code events.buses} table as {@link EventBusService}, so it
 * sees every acknowledged create and delete. The default bus always exists. Thread-safe.
 */
public final class BusDirectory {
    private final StateTable<BusRecord> buses;

    public BusDirectory(StateJournal journal) {
        this.buses = requireNonNull(journal, "journal is null").table("events.buses", BusRecord.class);
    }

    /** The bus's resource policy, when it has one. */
    public java.util.Optional<String> policy(Scope scope, String name) {
        return buses.get(scope.key(name)).map(BusRecord::policy);
    }

    public boolean exists(Scope scope, String name) {
        return name.equals(BusRecord.DEFAULT) || buses.get(scope.key(name)).isPresent();
    }
}
