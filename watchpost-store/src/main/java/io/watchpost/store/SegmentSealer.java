package io.watchpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw segment into a sealed one: each block of raw frames is zstd-compressed as it stands, so a
 * sealed block decompresses to exactly the frames (with their CRC32Cs) that were appended. The result is
 * written to a temporary file and fsynced; the caller renames it into place.
 */
final class SegmentSealer {
    /** The outcome of a roll: the sealed segment and the new, empty active segment. */
    record Rolled(SealedSegment sealed, ActiveSegment next) {}

    private SegmentSealer() {}

    /**
     * Seals {@code old} and creates the next active segment, in the order that keeps every crash
     * recoverable: fsynced temp seal, then the new raw segment, then the rename that publishes the seal.
     * The caller deletes the old raw file afterwards. On failure nothing changes but stray files are removed.
     */
    static Rolled roll(Path directory, ActiveSegment old, RecordLogConfig config) throws IOException {
        Path temp = SegmentFiles.sealedTemp(directory, old.baseOffset());
        Path target = SegmentFiles.sealed(directory, old.baseOffset());
        try {
            SegmentFooter footer = writeTemp(old, temp);
            long base = old.nextOffset();
            ActiveSegment next = ActiveSegment.create(SegmentFiles.raw(directory, base), base, config.clock().millis(),
                    config.blockBytes());
            try {
                Io.atomicRename(temp, target);
            } catch (IOException e) {
                next.close();
                Io.deleteQuietly(next.path());
                throw e;
            }
            return new Rolled(new SealedSegment(target, footer), next);
        } finally {
            Io.deleteQuietly(temp);
        }
    }

    static SegmentFooter writeTemp(ActiveSegment raw, Path temp) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.allocate(SealedSegment.HEADER_BYTES)
                    .putInt(SealedSegment.MAGIC).putInt(SealedSegment.VERSION).putLong(raw.baseOffset());
            Io.writeFully(out, header.flip(), 0);
            long position = SealedSegment.HEADER_BYTES;
            List<Block> sealed = new ArrayList<>();
            for (Block block : raw.blocks()) {
                byte[] compressed = SealedSegment.compress(raw.read(block));
                Io.writeFully(out, ByteBuffer.wrap(compressed), position);
                sealed.add(new Block(block.firstOffset(), block.recordCount(), block.minTimestamp(), block.maxTimestamp(),
                        position, compressed.length, block.length(), Frames.checksum(compressed)));
                position += compressed.length;
            }
            SegmentFooter footer = SegmentFooter.of(raw.baseOffset(), sealed);
            Io.writeFully(out, ByteBuffer.wrap(footer.encode()), position);
            out.force(true);
            return footer;
        }
    }
}
