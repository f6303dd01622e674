package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index at the end of a sealed segment: segment-level offsets and time range, then one entry per
 * block, followed by a fixed trailer {@code u32 footerLength | u32 CRC32C(footer) | u32 magic "WPRF"}.
 * Layout in {@code docs/formats/record-log.md}.
 */
record SegmentFooter(long baseOffset, long recordCount, long minTimestamp, long maxTimestamp, List<Block> blocks) {
    static final int TRAILER_MAGIC = 0x57505246; // "WPRF"
    static final int TRAILER_BYTES = 12;
    private static final int FIXED_BYTES = 36;
    private static final int ENTRY_BYTES = 52;

    SegmentFooter {
        blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
    }

    static SegmentFooter of(long baseOffset, List<Block> blocks) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long count = 0;
        for (Block block : blocks) {
            min = Math.min(min, block.minTimestamp());
            max = Math.max(max, block.maxTimestamp());
            count += block.recordCount();
        }
        return new SegmentFooter(baseOffset, count, min, max, blocks);
    }

    long endOffset() {
        return baseOffset + recordCount;
    }

    /** Footer body plus trailer. */
    byte[] encode() {
        ByteBuffer body = ByteBuffer.allocate(FIXED_BYTES + ENTRY_BYTES * blocks.size());
        body.putLong(baseOffset).putLong(recordCount).putLong(minTimestamp).putLong(maxTimestamp).putInt(blocks.size());
        for (Block b : blocks) {
            body.putLong(b.firstOffset()).putInt(b.recordCount()).putLong(b.minTimestamp()).putLong(b.maxTimestamp())
                    .putLong(b.position()).putInt(b.length()).putInt(b.rawLength()).putInt(b.checksum());
        }
        byte[] bytes = body.array();
        return ByteBuffer.allocate(bytes.length + TRAILER_BYTES).put(bytes)
                .putInt(bytes.length).putInt(Frames.checksum(bytes)).putInt(TRAILER_MAGIC).array();
    }

    /** Reads and validates the footer of a sealed segment whose blocks start at {@code dataStart}. */
    static SegmentFooter read(Path path, FileChannel channel, long dataStart) throws IOException {
        long size = channel.size();
        if (size < dataStart + TRAILER_BYTES) {
            throw new CorruptFileException(path, "too short for a footer");
        }
        ByteBuffer trailer = ByteBuffer.wrap(Io.readFully(channel, size - TRAILER_BYTES, TRAILER_BYTES));
        int length = trailer.getInt();
        int checksum = trailer.getInt();
        if (trailer.getInt() != TRAILER_MAGIC) {
            throw new CorruptFileException(path, "bad footer magic");
        }
        long footerStart = size - TRAILER_BYTES - length;
        if (length < FIXED_BYTES || (length - FIXED_BYTES) % ENTRY_BYTES != 0 || footerStart < dataStart) {
            throw new CorruptFileException(path, "bad footer length " + length);
        }
        byte[] body = Io.readFully(channel, footerStart, length);
        if (Frames.checksum(body) != checksum) {
            throw new CorruptFileException(path, "footer checksum mismatch");
        }
        SegmentFooter footer = decode(ByteBuffer.wrap(body), path);
        footer.check(path, dataStart, footerStart);
        return footer;
    }

    private static SegmentFooter decode(ByteBuffer in, Path path) throws CorruptFileException {
        long base = in.getLong();
        long count = in.getLong();
        long min = in.getLong();
        long max = in.getLong();
        int blockCount = in.getInt();
        if (blockCount != in.remaining() / ENTRY_BYTES) {
            throw new CorruptFileException(path, "footer block count " + blockCount + " does not match its length");
        }
        List<Block> blocks = new ArrayList<>(blockCount);
        for (int i = 0; i < blockCount; i++) {
            blocks.add(new Block(in.getLong(), in.getInt(), in.getLong(), in.getLong(), in.getLong(), in.getInt(),
                    in.getInt(), in.getInt()));
        }
        return new SegmentFooter(base, count, min, max, blocks);
    }

    /** Blocks must tile the data region and cover dense offsets; a checksum alone cannot prove a writer bug absent. */
    private void check(Path path, long dataStart, long footerStart) throws CorruptFileException {
        if (blocks.isEmpty()) {
            throw new CorruptFileException(path, "sealed segment without blocks");
        }
        long offset = baseOffset;
        long position = dataStart;
        for (Block b : blocks) {
            if (b.firstOffset() != offset || b.position() != position || b.recordCount() <= 0 || b.length() <= 0
                    || b.rawLength() <= 0 || b.minTimestamp() > b.maxTimestamp()) {
                throw new CorruptFileException(path, "inconsistent footer entry for block at offset " + b.firstOffset());
            }
            offset = b.endOffset();
            position += b.length();
        }
        if (offset != endOffset() || position != footerStart || !equals(of(baseOffset, blocks))) {
            throw new CorruptFileException(path, "footer totals do not match its blocks");
        }
    }
}
