package io.watchpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw segment being appended to ({@code <baseOffset>.log}): a header, then record frames. An in-memory
 * block index (rebuilt by scanning at recovery) groups the frames into runs of about {@code blockBytes};
 * readers use it to skip by offset and time, and sealing compresses each run as one block.
 *
 * <p><b>Thread-safety.</b> {@link #append} and {@link #force} are called by one thread at a time (the
 * log's append lock). The block index is guarded by {@code this}, is updated only after a frame is fully
 * written, and is read concurrently by readers, so a reader only ever sees complete frames.
 */
final class ActiveSegment implements AutoCloseable {
    static final int MAGIC = 0x5750524C; // "WPRL"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 28;

    private final Path path;
    private final FileChannel channel;
    private final long baseOffset;
    private final long createdMillis;
    private final int blockBytes;
    // Owned by the appending thread.
    private long size;
    private long nextOffset;
    private IOException broken;
    // Guarded by this.
    private final List<Block> blocks = new ArrayList<>();

    private ActiveSegment(Path path, FileChannel channel, long baseOffset, long createdMillis, int blockBytes) {
        this.path = path;
        this.channel = channel;
        this.baseOffset = baseOffset;
        this.createdMillis = createdMillis;
        this.blockBytes = blockBytes;
        this.size = HEADER_BYTES;
        this.nextOffset = baseOffset;
    }

    /** Creates an empty segment; header and directory entry are fsynced so recovery always finds it whole. */
    static ActiveSegment create(Path path, long baseOffset, long createdMillis, int blockBytes) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                    .putInt(MAGIC).putInt(VERSION).putLong(baseOffset).putLong(createdMillis);
            header.putInt(Frames.checksum(header.array(), 0, HEADER_BYTES - 4));
            Io.writeFully(channel, header.flip(), 0);
            channel.force(true);
            Io.fsyncDirectory(path.getParent());
            return new ActiveSegment(path, channel, baseOffset, createdMillis, blockBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens an existing segment, rebuilds its block index and truncates it at the first torn or corrupt
     * frame. Throws {@link CorruptFileException} if the header itself is incomplete or damaged.
     */
    static ActiveSegment recover(Path path, long baseOffset, int blockBytes) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long createdMillis = readHeader(path, channel, baseOffset);
            ActiveSegment segment = new ActiveSegment(path, channel, baseOffset, createdMillis, blockBytes);
            segment.scan();
            return segment;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static long readHeader(Path path, FileChannel channel, long baseOffset) throws IOException {
        if (channel.size() < HEADER_BYTES) {
            throw new CorruptFileException(path, "shorter than its header");
        }
        byte[] bytes = Io.readFully(channel, 0, HEADER_BYTES);
        ByteBuffer header = ByteBuffer.wrap(bytes);
        if (header.getInt() != MAGIC || Frames.checksum(bytes, 0, HEADER_BYTES - 4) != header.getInt(HEADER_BYTES - 4)) {
            throw new CorruptFileException(path, "bad record-log segment header");
        }
        int version = header.getInt();
        if (version != VERSION) {
            throw new IOException(path + " has unsupported record-log segment version " + version);
        }
        if (header.getLong() != baseOffset) {
            throw new CorruptFileException(path, "base offset does not match its name");
        }
        return header.getLong();
    }

    private void scan() throws IOException {
        FrameScanner scanner = new FrameScanner(channel, HEADER_BYTES, RecordCodec.MIN_PAYLOAD, RecordCodec.MAX_PAYLOAD);
        for (byte[] payload = scanner.next(); payload != null; payload = scanner.next()) {
            if (!RecordCodec.isWellFormed(payload) || RecordCodec.offsetOf(payload) != nextOffset) {
                break;
            }
            index(scanner.frameStart(), Frames.HEADER_BYTES + payload.length, nextOffset, RecordCodec.timestampOf(payload));
            size = scanner.validEnd();
            nextOffset++;
        }
        if (size < channel.size()) {
            System.getLogger(ActiveSegment.class.getName()).log(System.Logger.Level.WARNING,
                    "Truncating torn or corrupt tail of {0} at byte {1} ({2} bytes dropped)", path, size, channel.size() - size);
            channel.truncate(size);
        }
        // Recovered records become readable now, so make them durable even if their writer never fsynced.
        channel.force(true);
    }

    /** Appends one record (written to the OS, not fsynced) and returns its offset. */
    long append(long timestampMillis, byte[] key, byte[] value) throws IOException {
        if (broken != null) {
            throw new IOException("segment " + path + " failed earlier; reopen the log", broken);
        }
        long offset = nextOffset;
        ByteBuffer frame = RecordCodec.frame(offset, timestampMillis, key, value);
        int length = frame.remaining();
        try {
            Io.writeFully(channel, frame, size);
        } catch (IOException e) {
            rollBack(e);
            throw e;
        }
        index(size, length, offset, timestampMillis);
        size += length;
        nextOffset++;
        return offset;
    }

    /** Undoes a partial write so the next frame does not land behind garbage that recovery would stop at. */
    private void rollBack(IOException cause) {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = cause;
        }
    }

    private synchronized void index(long position, int frameLength, long offset, long timestampMillis) {
        Block last = blocks.isEmpty() ? null : blocks.getLast();
        if (last == null || last.length() + frameLength > blockBytes) {
            blocks.add(Block.first(offset, timestampMillis, position, frameLength));
        } else {
            blocks.set(blocks.size() - 1, last.plus(timestampMillis, frameLength));
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    /**
     * The first block holding an offset {@code >= offset} whose time range overlaps {@code [fromMillis, toMillis)},
     * or null. The returned entry is a snapshot: the block may grow afterwards, the entry does not.
     */
    synchronized Block find(long offset, long fromMillis, long toMillis) {
        return Block.find(blocks, offset, fromMillis, toMillis);
    }

    /** A snapshot of the block index; the last block may grow afterwards, the returned entry does not. */
    synchronized List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The raw frames of {@code block}. */
    byte[] read(Block block) throws IOException {
        return Io.readFully(channel, block.position(), block.length());
    }

    boolean isEmpty() {
        return nextOffset == baseOffset;
    }

    long size() {
        return size;
    }

    long nextOffset() {
        return nextOffset;
    }

    long baseOffset() {
        return baseOffset;
    }

    long createdMillis() {
        return createdMillis;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
