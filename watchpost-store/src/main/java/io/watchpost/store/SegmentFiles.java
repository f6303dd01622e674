package io.watchpost.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File names of a record-log directory, keyed by the segment's base offset (20 zero-padded digits). */
final class SegmentFiles {
    private static final System.Logger LOG = System.getLogger(SegmentFiles.class.getName());
    private static final Pattern RAW = Pattern.compile("(\\d{20})\\.log");
    private static final Pattern SEALED = Pattern.compile("(\\d{20})\\.seg");

    /** Segments found on disk by base offset. */
    record Listing(NavigableMap<Long, Path> raw, NavigableMap<Long, Path> sealed) {}

    private SegmentFiles() {}

    static Path raw(Path directory, long baseOffset) {
        return directory.resolve("%020d.log".formatted(baseOffset));
    }

    static Path sealed(Path directory, long baseOffset) {
        return directory.resolve("%020d.seg".formatted(baseOffset));
    }

    static Path sealedTemp(Path directory, long baseOffset) {
        return directory.resolve("%020d.seg.tmp".formatted(baseOffset));
    }

    /** Lists segments and deletes temporary files: a leftover temp is a seal that never completed. */
    static Listing scan(Path directory) throws IOException {
        NavigableMap<Long, Path> raw = new TreeMap<>();
        NavigableMap<Long, Path> sealed = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher rawName = RAW.matcher(name);
                Matcher sealedName = SEALED.matcher(name);
                if (rawName.matches()) {
                    raw.put(Long.parseLong(rawName.group(1)), file);
                } else if (sealedName.matches()) {
                    sealed.put(Long.parseLong(sealedName.group(1)), file);
                } else if (name.endsWith(".tmp")) {
                    LOG.log(System.Logger.Level.INFO, "Deleting unfinished seal {0}", file);
                    Files.delete(file);
                }
            }
        }
        return new Listing(raw, sealed);
    }
}
