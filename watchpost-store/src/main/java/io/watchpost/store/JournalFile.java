package io.watchpost.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One journal file ({@code journal-<generation>.log}) open for appending.
 *
 * <p>Not thread-safe: {@link StateJournal} serializes every call under its write lock, which is what makes
 * journal order equal apply order. A failed append is rolled back by truncating to the previous size, so
 * a later append never lands behind garbage that recovery would stop at; if even that fails the file is
 * marked broken and refuses further appends.
 */
final class JournalFile implements AutoCloseable {
    static final int MAGIC = 0x5750534A; // "WPSJ"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;

    private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());

    private final Path path;
    private final FileChannel channel;
    private final Durability durability;
    private long size;
    private IOException broken;

    private JournalFile(Path path, FileChannel channel, Durability durability, long size) {
        this.path = path;
        this.channel = channel;
        this.durability = durability;
        this.size = size;
    }

    /** Creates (or overwrites) an empty journal; the header and the directory entry are fsynced. */
    static JournalFile create(Path path, long generation, Durability durability) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(generation);
            Io.writeFully(channel, header.flip(), 0);
            channel.force(true);
            Io.fsyncDirectory(path.getParent());
            return new JournalFile(path, channel, durability, HEADER_BYTES);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Replays an existing journal into {@code replay} and, when {@code truncateTornTail}, cuts the file at
     * the first torn or corrupt frame and returns it open for appending; otherwise returns {@code null}.
     */
    static JournalFile replay(Path path, long generation, Durability durability, boolean truncateTornTail,
            Consumer<JournalRecord> replay) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            if (channel.size() < HEADER_BYTES) {
                // A crash while the header was being written: the journal never held a record.
                channel.close();
                return truncateTornTail ? create(path, generation, durability) : null;
            }
            checkHeader(channel, path, generation);
            long end = replayFrames(channel, path, replay);
            if (!truncateTornTail) {
                channel.close();
                return null;
            }
            if (end < channel.size()) {
                LOG.log(System.Logger.Level.WARNING, "Truncating torn or corrupt tail of {0} at byte {1} ({2} bytes dropped)",
                        path, end, channel.size() - end);
                channel.truncate(end);
            }
            // Replayed changes become visible now, so make them durable even if their writer never fsynced.
            channel.force(true);
            return new JournalFile(path, channel, durability, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void checkHeader(FileChannel channel, Path path, long generation) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Io.readFully(channel, 0, HEADER_BYTES));
        int magic = header.getInt();
        int version = header.getInt();
        long fileGeneration = header.getLong();
        if (magic != MAGIC) {
            throw new IOException(path + " is not a state journal (magic " + Integer.toHexString(magic) + ")");
        }
        if (version != VERSION) {
            throw new IOException(path + " has unsupported state journal version " + version);
        }
        if (fileGeneration != generation) {
            throw new IOException(path + " holds generation " + fileGeneration + ", expected " + generation);
        }
    }

    private static long replayFrames(FileChannel channel, Path path, Consumer<JournalRecord> replay)
            throws IOException {
        FrameScanner scanner = new FrameScanner(channel, HEADER_BYTES, 1, JournalRecord.MAX_PAYLOAD_BYTES);
        for (byte[] payload = scanner.next(); payload != null; payload = scanner.next()) {
            JournalRecord record = JournalRecord.decode(payload);
            if (record instanceof JournalRecord.SnapshotEnd) {
                throw new IOException(path + " holds a snapshot record at byte " + scanner.frameStart());
            }
            replay.accept(record);
        }
        return scanner.validEnd();
    }

    /** Appends one record, durable per {@link Durability} before returning. */
    void append(JournalRecord record) {
        if (broken != null) {
            throw new UncheckedIOException("state journal " + path + " failed earlier; reopen the store", broken);
        }
        byte[] payload = record.encode();
        if (payload.length > JournalRecord.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("state journal record too large: " + payload.length + " bytes");
        }
        ByteBuffer frame = Frames.frame(payload);
        int length = frame.remaining();
        try {
            Io.writeFully(channel, frame, size);
        } catch (IOException e) {
            rollBack(e);
            throw new UncheckedIOException("could not write state journal " + path, e);
        }
        if (durability == Durability.MACHINE) {
            try {
                channel.force(false);
            } catch (IOException e) {
                // After a failed fsync the kernel may have dropped dirty pages: nothing is trustworthy now.
                broken = e;
                throw new UncheckedIOException("could not fsync state journal " + path, e);
            }
        }
        size += length;
    }

    private void rollBack(IOException cause) {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = cause;
        }
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
