package io.watchpost.store;

import java.util.List;

/**
 * Index entry of a block: a run of consecutive record frames, the unit of compression and of skipping by
 * time range. In the active segment {@code position}/{@code length} locate the raw frames and
 * {@code rawLength == length}, {@code checksum == 0} (each frame has its own CRC32C); in a sealed segment
 * they locate the zstd-compressed frames, whose CRC32C is {@code checksum}.
 */
record Block(long firstOffset, int recordCount, long minTimestamp, long maxTimestamp, long position, int length,
        int rawLength, int checksum) {
    /** Offset just past the block's last record. */
    long endOffset() {
        return firstOffset + recordCount;
    }

    /** Whether the block may hold a record with {@code from <= timestamp < to}. */
    boolean overlaps(long fromMillis, long toMillis) {
        return maxTimestamp >= fromMillis && minTimestamp < toMillis;
    }

    /** This block grown by one raw frame (active segment only). */
    Block plus(long timestampMillis, int frameLength) {
        int grown = length + frameLength;
        return new Block(firstOffset, recordCount + 1, Math.min(minTimestamp, timestampMillis),
                Math.max(maxTimestamp, timestampMillis), position, grown, grown, 0);
    }

    /** A raw block holding a single frame (active segment only). */
    static Block first(long offset, long timestampMillis, long position, int frameLength) {
        return new Block(offset, 1, timestampMillis, timestampMillis, position, frameLength, frameLength, 0);
    }

    /** The first block holding an offset {@code >= offset} that overlaps {@code [fromMillis, toMillis)}, or null. */
    static Block find(List<Block> blocks, long offset, long fromMillis, long toMillis) {
        for (int i = firstEndingAfter(blocks, offset); i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.overlaps(fromMillis, toMillis)) {
                return block;
            }
        }
        return null;
    }

    /** Index of the first block whose records reach {@code offset} or beyond; blocks are in offset order. */
    private static int firstEndingAfter(List<Block> blocks, long offset) {
        int low = 0;
        int high = blocks.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (blocks.get(mid).endOffset() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
