package io.watchpost.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Small file-system helpers shared by the journal and the record log. */
final class Io {
    private static final System.Logger LOG = System.getLogger(Io.class.getName());

    private Io() {}

    /** Writes all of {@code buffer} at {@code position}; positional, so it never moves the channel position. */
    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Reads exactly {@code length} bytes at {@code position}, or throws {@link EOFException}. */
    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("unexpected end of file at position " + at);
            }
            at += read;
        }
        return buffer.array();
    }

    /**
     * Forces a directory's entries (created, renamed, deleted files) to stable storage; without it a rename
     * or a new file may be lost by a machine crash even though the file's own data was fsynced.
     */
    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Atomically replaces {@code target} with {@code source}, then makes the rename durable. */
    static void atomicRename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.getParent());
    }

    /** Deletes a file when losing it is harmless (it is garbage after a successful switch); logs failures. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete " + file, e);
        }
    }

    /** Moves a damaged file out of the way (keeping it for inspection) and logs why. */
    static void quarantine(Path file, String reason) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + ".corrupt");
        LOG.log(System.Logger.Level.WARNING, "Ignoring damaged file ({0}); moved it to {1}", reason, target);
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(file.getParent());
    }
}
