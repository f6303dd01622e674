package io.watchpost.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Startup of a state journal: load the newest valid snapshot, replay the journals from its generation on,
 * truncate the torn tail of the last one, and delete generations the snapshot made obsolete.
 *
 * <p>Normally exactly one journal follows the snapshot. More than one exists only when a newer snapshot
 * was damaged (it is quarantined) and the older generation's journal is still on disk; replaying them in
 * order rebuilds the same state. A gap in the journal generations would silently lose changes, so it
 * fails the open instead.
 */
final class JournalLoader {
    private static final System.Logger LOG = System.getLogger(JournalLoader.class.getName());

    /** The recovered state: table, key, JSON bytes. */
    record Loaded(Map<String, TreeMap<String, byte[]>> tables, JournalFile journal, long generation,
            long nextGeneration) {}

    private JournalLoader() {}

    static Loaded load(Path directory, Durability durability) throws IOException {
        JournalDirectory.Listing files = JournalDirectory.scan(directory);
        long base = 0;
        Map<String, TreeMap<String, byte[]>> tables = new TreeMap<>();
        for (long generation : files.snapshots().descendingSet()) {
            Path snapshot = JournalDirectory.snapshot(directory, generation);
            try {
                tables = SnapshotFile.read(snapshot, generation);
                base = generation;
                break;
            } catch (CorruptFileException e) {
                Io.quarantine(snapshot, e.getMessage());
            }
        }
        List<Long> generations = new ArrayList<>(files.journals().tailSet(base, true));
        checkContiguous(directory, base, generations);
        JournalFile journal = replay(directory, durability, generations, tables);
        if (journal == null) {
            journal = JournalFile.create(JournalDirectory.journal(directory, base), base, durability);
        }
        long generation = generations.isEmpty() ? base : generations.getLast();
        deleteObsolete(directory, files, base);
        return new Loaded(tables, journal, generation, Math.max(files.maxGeneration(), generation) + 1);
    }

    private static void checkContiguous(Path directory, long base, List<Long> generations) throws IOException {
        long expected = base;
        for (long generation : generations) {
            if (generation != expected) {
                throw new IOException("State journal " + JournalDirectory.journal(directory, expected)
                        + " is missing (next is generation " + generation + "); refusing to open incomplete state");
            }
            expected++;
        }
    }

    /** Replays every journal in order; returns the last one open for appending, or null if there is none. */
    private static JournalFile replay(Path directory, Durability durability, List<Long> generations,
            Map<String, TreeMap<String, byte[]>> tables) throws IOException {
        JournalFile last = null;
        for (int i = 0; i < generations.size(); i++) {
            long generation = generations.get(i);
            boolean isLast = i == generations.size() - 1;
            last = JournalFile.replay(JournalDirectory.journal(directory, generation), generation, durability,
                    isLast, record -> apply(tables, record));
        }
        return last;
    }

    private static void apply(Map<String, TreeMap<String, byte[]>> tables, JournalRecord record) {
        switch (record) {
            case JournalRecord.Put put ->
                    tables.computeIfAbsent(put.table(), t -> new TreeMap<>()).put(put.key(), put.value());
            case JournalRecord.Remove remove -> {
                TreeMap<String, byte[]> table = tables.get(remove.table());
                if (table != null) {
                    table.remove(remove.key());
                }
            }
            case JournalRecord.Wipe wipe -> tables.clear();
            case JournalRecord.SnapshotEnd end -> throw new IllegalStateException("snapshot record in a journal");
        }
    }

    private static void deleteObsolete(Path directory, JournalDirectory.Listing files, long base) {
        for (long generation : files.snapshots().headSet(base, false)) {
            LOG.log(System.Logger.Level.DEBUG, "Deleting obsolete snapshot generation {0}", generation);
            Io.deleteQuietly(JournalDirectory.snapshot(directory, generation));
        }
        for (long generation : files.journals().headSet(base, false)) {
            LOG.log(System.Logger.Level.DEBUG, "Deleting obsolete journal generation {0}", generation);
            Io.deleteQuietly(JournalDirectory.journal(directory, generation));
        }
    }
}
