package io.watchpost.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds and reads the next block a read or scan needs. Called under the log's layout read lock; the
 * returned bytes are decoded after the lock is released.
 */
final class BlockReader {
    /** A block's frames, plus the end of acknowledged records at the time it was fetched. */
    record Fetched(Block block, byte[] frames, Path source, long visibleEnd) {
        void decode(Consumer<LogRecord> consumer) throws CorruptFileException {
            RecordCodec.decodeBlock(frames, source, record -> {
                if (record.offset() < visibleEnd) {
                    consumer.accept(record);
                }
            });
        }

        /** Where the next fetch starts: after this block, but never past what was acknowledged when read. */
        long nextOffset() {
            return Math.min(block.endOffset(), visibleEnd);
        }
    }

    private BlockReader() {}

    /**
     * Returns the first block holding an acknowledged offset {@code >= offset} and a timestamp in
     * {@code [fromMillis, toMillis)} by its index, or null. Whole segments are skipped by their time range.
     */
    static Fetched fetch(List<SealedSegment> sealed, ActiveSegment active, long visibleEnd, long offset,
            long fromMillis, long toMillis) throws IOException {
        if (offset >= visibleEnd) {
            return null;
        }
        for (int i = firstSegmentEndingAfter(sealed, offset); i < sealed.size(); i++) {
            SealedSegment segment = sealed.get(i);
            if (!segment.overlaps(fromMillis, toMillis)) {
                continue;
            }
            Block block = Block.find(segment.blocks(), offset, fromMillis, toMillis);
            if (block != null) {
                return new Fetched(block, segment.readBlock(block), segment.path(), visibleEnd);
            }
        }
        Block block = active.find(offset, fromMillis, toMillis);
        if (block == null || block.firstOffset() >= visibleEnd) {
            return null;
        }
        return new Fetched(block, active.read(block), active.path(), visibleEnd);
    }

    private static int firstSegmentEndingAfter(List<SealedSegment> sealed, long offset) {
        int low = 0;
        int high = sealed.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sealed.get(mid).endOffset() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
