package io.watchpost.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names of a state journal directory. A generation {@code g} is a snapshot {@code state-g.snapshot}
 * (absent for {@code g = 0}) plus the journal {@code journal-g.log} of changes made after it.
 */
final class JournalDirectory {
    private static final System.Logger LOG = System.getLogger(JournalDirectory.class.getName());
    private static final Pattern SNAPSHOT = Pattern.compile("state-(\\d{20})\\.snapshot");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{20})\\.log");

    /** Generations found on disk, each set ascending. */
    record Listing(NavigableSet<Long> snapshots, NavigableSet<Long> journals) {
        long maxGeneration() {
            long max = 0;
            if (!snapshots.isEmpty()) {
                max = snapshots.last();
            }
            return journals.isEmpty() ? max : Math.max(max, journals.last());
        }
    }

    private JournalDirectory() {}

    static Path snapshot(Path directory, long generation) {
        return directory.resolve("state-%020d.snapshot".formatted(generation));
    }

    static Path snapshotTemp(Path directory, long generation) {
        return directory.resolve("state-%020d.snapshot.tmp".formatted(generation));
    }

    static Path journal(Path directory, long generation) {
        return directory.resolve("journal-%020d.log".formatted(generation));
    }

    /** Lists generations and deletes temporary files: a leftover temp is a snapshot that never became one. */
    static Listing scan(Path directory) throws IOException {
        NavigableSet<Long> snapshots = new TreeSet<>();
        NavigableSet<Long> journals = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher snapshot = SNAPSHOT.matcher(name);
                Matcher journal = JOURNAL.matcher(name);
                if (snapshot.matches()) {
                    snapshots.add(Long.parseLong(snapshot.group(1)));
                } else if (journal.matches()) {
                    journals.add(Long.parseLong(journal.group(1)));
                } else if (name.endsWith(".tmp")) {
                    LOG.log(System.Logger.Level.INFO, "Deleting unfinished snapshot {0}", file);
                    Files.delete(file);
                }
            }
        }
        return new Listing(snapshots, journals);
    }
}
