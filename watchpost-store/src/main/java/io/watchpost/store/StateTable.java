package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * One named table of a {@link StateJournal}: string keys in natural order (so services can paginate) mapped
 * to values stored as JSON. Values should be immutable records of plain fields, lists and maps (instants as
 * epoch millis); the table keeps the instance it is given.
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use. Writes are serialized by the journal's lock and become
 * visible only after their journal record is durable; reads are lock-free and see every acknowledged write.
 * I/O failures of writes surface as {@link UncheckedIOException}, with the table unchanged.
 *
 * @param <V> the value type
 */
public final class StateTable<V> {
    private final StateJournal journal;
    private final String name;
    private final Class<V> valueType;
    private final ConcurrentSkipListMap<String, V> entries = new ConcurrentSkipListMap<>();

    StateTable(StateJournal journal, String name, Class<V> valueType, Map<String, byte[]> stored) {
        this.journal = journal;
        this.name = name;
        this.valueType = valueType;
        stored.forEach((key, bytes) -> entries.put(key, decode(key, bytes)));
    }

    public String name() {
        return name;
    }

    public Optional<V> get(String key) {
        requireNonNull(key, "key is null");
        return Optional.ofNullable(entries.get(key));
    }

    /** Sets {@code key}; the journal record is durable before the table changes and before this returns. */
    public void put(String key, V value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        byte[] bytes = encode(key, value);
        journal.commit(new JournalRecord.Put(name, key, bytes), () -> entries.put(key, value));
    }

    /** Atomically sets {@code key} unless present; returns the existing value if there was one (writing nothing). */
    public Optional<V> putIfAbsent(String key, V value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        byte[] bytes = encode(key, value);
        return journal.locked(() -> {
            V existing = entries.get(key);
            if (existing != null) {
                return Optional.of(existing);
            }
            journal.commit(new JournalRecord.Put(name, key, bytes), () -> entries.put(key, value));
            return Optional.empty();
        });
    }

    /** Removes {@code key}; returns whether it was present (nothing is written when it was not). */
    public boolean remove(String key) {
        requireNonNull(key, "key is null");
        return journal.locked(() -> {
            if (!entries.containsKey(key)) {
                return false;
            }
            journal.commit(new JournalRecord.Remove(name, key), () -> entries.remove(key));
            return true;
        });
    }

    /** An unmodifiable live view ordered by key; iteration is weakly consistent, never throws on concurrent writes. */
    public NavigableMap<String, V> view() {
        return Collections.unmodifiableNavigableMap(entries);
    }

    public int size() {
        return entries.size();
    }

    /** Returns this table typed as {@code type}, or fails if it was opened with another value type. */
    @SuppressWarnings("unchecked") // checked: the value type is compared first
    <T> StateTable<T> as(Class<T> type) {
        if (type != valueType) {
            throw new IllegalArgumentException("table " + name + " holds " + valueType.getName() + ", not " + type.getName());
        }
        return (StateTable<T>) this;
    }

    /** Called by the journal, under its lock, after a wipe record was written. */
    void clearForWipe() {
        entries.clear();
    }

    /** Called by the journal, under its lock, while writing a snapshot. */
    Stream<JournalRecord.Put> snapshotEntries() {
        return entries.entrySet().stream().map(e -> new JournalRecord.Put(name, e.getKey(), encode(e.getKey(), e.getValue())));
    }

    private byte[] encode(String key, V value) {
        try {
            return journal.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode value of " + name + "/" + key + " as JSON", e);
        }
    }

    private V decode(String key, byte[] bytes) {
        try {
            return journal.mapper().readValue(bytes, valueType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode stored value of " + name + "/" + key + " as " + valueType.getName(), e);
        }
    }
}
