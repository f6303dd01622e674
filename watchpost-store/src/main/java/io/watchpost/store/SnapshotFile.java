package io.watchpost.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * A state snapshot ({@code state-<generation>.snapshot}): a header, one {@code Put} frame per entry and a
 * final {@code SnapshotEnd} frame carrying the entry count. Snapshots are only ever written to a temporary
 * name and fsynced before being renamed into place, so a snapshot that fails validation is damage, not a
 * crash artefact.
 */
final class SnapshotFile {
    static final int MAGIC = 0x57505353; // "WPSS"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;

    private SnapshotFile() {}

    /** Writes and fsyncs {@code temp}; the caller renames it into place when the moment is right. */
    static void writeTemp(Path temp, long generation, Iterable<JournalRecord.Put> entries) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // Not closed by us: closing the stream would close the channel before force().
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            out.write(ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(generation).array());
            long count = 0;
            for (JournalRecord.Put entry : entries) {
                writeFrame(out, entry);
                count++;
            }
            writeFrame(out, new JournalRecord.SnapshotEnd(count));
            out.flush();
            channel.force(true);
        }
    }

    private static void writeFrame(OutputStream out, JournalRecord record) throws IOException {
        ByteBuffer frame = Frames.frame(record.encode());
        out.write(frame.array(), 0, frame.limit());
    }

    /** Loads a snapshot into {@code table -> key -> value bytes}, or throws {@link CorruptFileException}. */
    static Map<String, TreeMap<String, byte[]>> read(Path path, long generation) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            checkHeader(path, channel, generation);
            Map<String, TreeMap<String, byte[]>> tables = new TreeMap<>();
            FrameScanner scanner = new FrameScanner(channel, HEADER_BYTES, 1, JournalRecord.MAX_PAYLOAD_BYTES);
            long count = 0;
            for (byte[] payload = scanner.next(); payload != null; payload = scanner.next()) {
                switch (JournalRecord.decode(payload)) {
                    case JournalRecord.Put put -> {
                        tables.computeIfAbsent(put.table(), t -> new TreeMap<>()).put(put.key(), put.value());
                        count++;
                    }
                    case JournalRecord.SnapshotEnd end -> {
                        checkEnd(path, scanner, end, count);
                        return tables;
                    }
                    default -> throw new CorruptFileException(path, "unexpected record at byte " + scanner.frameStart());
                }
            }
            throw new CorruptFileException(path, "torn or corrupt frame at byte " + scanner.validEnd());
        }
    }

    private static void checkHeader(Path path, FileChannel channel, long generation) throws IOException {
        if (channel.size() < HEADER_BYTES) {
            throw new CorruptFileException(path, "shorter than its header");
        }
        ByteBuffer header = ByteBuffer.wrap(Io.readFully(channel, 0, HEADER_BYTES));
        if (header.getInt() != MAGIC) {
            throw new CorruptFileException(path, "not a state snapshot");
        }
        int version = header.getInt();
        if (version != VERSION) {
            throw new IOException(path + " has unsupported snapshot version " + version);
        }
        if (header.getLong() != generation) {
            throw new CorruptFileException(path, "generation does not match its name");
        }
    }

    private static void checkEnd(Path path, FrameScanner scanner, JournalRecord.SnapshotEnd end, long count)
            throws IOException {
        if (end.entryCount() != count) {
            throw new CorruptFileException(path, "holds " + count + " entries, end record says " + end.entryCount());
        }
        if (!scanner.atEndOfFile()) {
            throw new CorruptFileException(path, "bytes after the end record");
        }
    }
}
