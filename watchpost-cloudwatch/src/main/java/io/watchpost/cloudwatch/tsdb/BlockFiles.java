package io.watchpost.cloudwatch.tsdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The block files of a store directory, {@code block-<sequence>.tsb}, applied in sequence order on load. Each is
 * written crash-safely: temp file, fsync, atomic rename, fsync of the directory. Leftover temp files are deleted.
 */
final class BlockFiles {
    private static final String PREFIX = "block-";
    private static final String SUFFIX = ".tsb";

    private final Path directory;

    BlockFiles(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Existing block files, oldest first. */
    List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(null); // zero-padded sequence numbers sort by name
        return files;
    }

    long nextSequence() throws IOException {
        List<Path> files = list();
        return files.isEmpty() ? 1 : sequence(files.getLast()) + 1;
    }

    Path write(long sequence, byte[] content) throws IOException {
        Path target = directory.resolve(String.format("%s%020d%s", PREFIX, sequence, SUFFIX));
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        return target;
    }

    static BlockCodec.Decoded read(Path file) throws IOException {
        try {
            return BlockCodec.decode(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("metrics block file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static long sequence(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for fsync; the rename is still atomic there.
        }
    }
}
