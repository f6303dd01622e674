package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Control-plane state (ARCHITECTURE §4): named tables of JSON-encoded values held in memory and persisted
 * as an append-only journal of typed changes plus periodic snapshots. Format: {@code docs/formats/state-journal.md}.
 *
 * <p><b>Durability.</b> A change is acknowledged only after its journal record has been written per the
 * configured {@link Durability}; the in-memory table changes after the write, so memory is never ahead of
 * the journal. An I/O failure surfaces as {@link UncheckedIOException} and leaves memory unchanged.
 *
 * <p><b>Thread-safety.</b> All writes of all tables are serialized under one lock, so journal order equals
 * apply order. Reads never take the lock. Under {@link Durability#MACHINE} the fsync happens under that
 * lock too (no group commit): control-plane writes are rare, and it keeps "durable before visible" simple.
 *
 * <p><b>Recovery.</b> {@link #open} loads the newest valid snapshot, replays the journal and truncates a torn
 * tail (normal after a crash). Tables found on disk but not yet requested with {@link #table} are kept as
 * bytes and carried through compaction untouched.
 */
public final class StateJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StateJournal.class.getName());

    private final Path directory;
    private final StateJournalConfig config;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ReentrantLock writeLock = new ReentrantLock();

    // Guarded by writeLock.
    private final Map<String, StateTable<?>> tables = new TreeMap<>();
    private final Map<String, TreeMap<String, byte[]>> dormant;
    private JournalFile journal;
    private long generation;
    private long nextGeneration;
    private long compactAt;
    private boolean closed;

    private StateJournal(Path directory, StateJournalConfig config, JournalLoader.Loaded loaded) {
        this.directory = directory;
        this.config = config;
        this.dormant = loaded.tables();
        this.journal = loaded.journal();
        this.generation = loaded.generation();
        this.nextGeneration = loaded.nextGeneration();
        this.compactAt = config.compactionThresholdBytes();
    }

    /** Opens (creating the directory if needed) with the default compaction threshold. */
    public static StateJournal open(Path directory, Durability durability) throws IOException {
        return open(directory, new StateJournalConfig(durability, StateJournalConfig.DEFAULT_COMPACTION_THRESHOLD_BYTES));
    }

    /** Opens (creating the directory if needed): loads the snapshot, replays the journal, truncates a torn tail. */
    public static StateJournal open(Path directory, StateJournalConfig config) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(config, "config is null");
        Files.createDirectories(directory);
        return new StateJournal(directory, config, JournalLoader.load(directory, config.durability()));
    }

    /**
     * Returns the table {@code name}, decoding any state loaded from disk with {@code valueType}. The same
     * name returns the same instance; asking for it with another value type is a programming error.
     */
    public <V> StateTable<V> table(String name, Class<V> valueType) {
        requireNonNull(name, "name is null");
        requireNonNull(valueType, "valueType is null");
        JournalRecord.checkTableName(name);
        return locked(() -> {
            ensureOpen();
            StateTable<?> existing = tables.get(name);
            if (existing != null) {
                return existing.as(valueType);
            }
            TreeMap<String, byte[]> stored = dormant.getOrDefault(name, new TreeMap<>());
            StateTable<V> table = new StateTable<>(this, name, valueType, stored);
            dormant.remove(name);
            tables.put(name, table);
            return table;
        });
    }

    /**
     * Writes a new snapshot of every table and starts a fresh journal. Crash-safe at every step: the
     * snapshot is fsynced under a temporary name, the new (empty) journal is created, and only then is the
     * snapshot renamed into place, which is the moment the new generation takes over.
     */
    public void compact() throws IOException {
        writeLock.lock();
        try {
            ensureOpen();
            compactLocked();
        } finally {
            writeLock.unlock();
        }
    }

    /** Development reset: every table becomes empty, durably (a wipe record, then a compaction). */
    public void wipe() throws IOException {
        writeLock.lock();
        try {
            commit(new JournalRecord.Wipe(), () -> {
                tables.values().forEach(StateTable::clearForWipe);
                dormant.clear();
            });
            compactLocked();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            if (!closed) {
                closed = true;
                journal.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code action} under the write lock; lets a table make check-then-write atomic. */
    <T> T locked(Supplier<T> action) {
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Appends {@code record} durably, then applies it to memory; compacts when the journal grew too big. */
    void commit(JournalRecord record, Runnable apply) {
        writeLock.lock();
        try {
            ensureOpen();
            journal.append(record);
            apply.run();
            maybeCompact();
        } finally {
            writeLock.unlock();
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private void maybeCompact() {
        if (journal.size() < compactAt) {
            return;
        }
        try {
            compactLocked();
        } catch (IOException | UncheckedIOException e) {
            // The change that triggered us is already durable; compaction is retried after more growth.
            compactAt = journal.size() + config.compactionThresholdBytes();
            LOG.log(System.Logger.Level.WARNING, "Compaction of state journal " + directory + " failed", e);
        }
    }

    private void compactLocked() throws IOException {
        // Consumed only on success, so journal generations on disk stay contiguous even after failures.
        long next = nextGeneration;
        Path temp = JournalDirectory.snapshotTemp(directory, next);
        try {
            SnapshotFile.writeTemp(temp, next, snapshotEntries());
            JournalFile nextJournal = JournalFile.create(JournalDirectory.journal(directory, next), next, config.durability());
            try {
                Io.atomicRename(temp, JournalDirectory.snapshot(directory, next));
            } catch (IOException e) {
                nextJournal.close();
                Io.deleteQuietly(JournalDirectory.journal(directory, next));
                throw e;
            }
            nextGeneration = next + 1;
            switchTo(nextJournal, next);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Io.deleteQuietly(temp);
        }
    }

    private void switchTo(JournalFile nextJournal, long next) {
        JournalFile old = journal;
        long oldGeneration = generation;
        journal = nextJournal;
        generation = next;
        compactAt = config.compactionThresholdBytes();
        try {
            old.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not close " + old.path(), e);
        }
        Io.deleteQuietly(JournalDirectory.journal(directory, oldGeneration));
        Io.deleteQuietly(JournalDirectory.snapshot(directory, oldGeneration));
    }

    /** Streams every entry; values of open tables are encoded lazily so a snapshot never doubles memory. */
    private Iterable<JournalRecord.Put> snapshotEntries() {
        Stream<JournalRecord.Put> open = tables.values().stream().flatMap(StateTable::snapshotEntries);
        Stream<JournalRecord.Put> stored = dormant.entrySet().stream().flatMap(table -> table.getValue().entrySet()
                .stream().map(entry -> new JournalRecord.Put(table.getKey(), entry.getKey(), entry.getValue())));
        return Stream.concat(open, stored)::iterator;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("state journal " + directory + " is closed");
        }
    }
}
