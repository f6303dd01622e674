package io.watchpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Empty marker files whose presence means something across a crash (a clean shutdown, for one): created and deleted
 * durably, the file and its directory entry fsynced, so a power loss cannot bring back a marker that was removed or
 * lose one that was written.
 */
public final class Markers {
    private Markers() {}

    /** Creates (or keeps) the empty marker durably. */
    public static void set(Path marker) throws IOException {
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.force(true);
        }
        Io.fsyncDirectory(marker.getParent());
    }

    /** Removes the marker durably; returns whether it was there. */
    public static boolean clear(Path marker) throws IOException {
        boolean existed = Files.deleteIfExists(marker);
        if (existed) {
            Io.fsyncDirectory(marker.getParent());
        }
        return existed;
    }
}
