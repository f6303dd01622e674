package io.watchpost.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An immutable sealed segment ({@code <baseOffset>.seg}): header {@code u32 magic "WPRS" | u32 version |
 * i64 baseOffset}, zstd-compressed blocks of record frames, then the {@link SegmentFooter}.
 *
 * <p>Thread-safe: immutable, and each block read opens its own file handle, so no descriptor is held
 * per segment however many segments retention keeps.
 */
final class SealedSegment {
    static final int MAGIC = 0x57505253; // "WPRS"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int ZSTD_LEVEL = 1;

    private final Path path;
    private final SegmentFooter footer;

    SealedSegment(Path path, SegmentFooter footer) {
        this.path = path;
        this.footer = footer;
    }

    /** Validates header and footer; throws {@link CorruptFileException} when either is damaged. */
    static SealedSegment open(Path path, long baseOffset) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() < HEADER_BYTES) {
                throw new CorruptFileException(path, "shorter than its header");
            }
            ByteBuffer header = ByteBuffer.wrap(Io.readFully(channel, 0, HEADER_BYTES));
            if (header.getInt() != MAGIC) {
                throw new CorruptFileException(path, "not a sealed record-log segment");
            }
            int version = header.getInt();
            if (version != VERSION) {
                throw new IOException(path + " has unsupported sealed-segment version " + version);
            }
            SegmentFooter footer = SegmentFooter.read(path, channel, HEADER_BYTES);
            if (header.getLong() != baseOffset || footer.baseOffset() != baseOffset) {
                throw new CorruptFileException(path, "base offset does not match its name");
            }
            return new SealedSegment(path, footer);
        }
    }

    /** The decompressed record frames of {@code block}; a checksum or zstd failure is reported as corruption. */
    byte[] readBlock(Block block) throws IOException {
        byte[] compressed;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            compressed = Io.readFully(channel, block.position(), block.length());
        }
        if (Frames.checksum(compressed) != block.checksum()) {
            throw new CorruptFileException(path, "checksum mismatch in block at offset " + block.firstOffset());
        }
        try {
            byte[] raw = Zstd.decompress(compressed, block.rawLength());
            if (raw.length != block.rawLength()) {
                throw new CorruptFileException(path, "block at offset " + block.firstOffset() + " decompressed to "
                        + raw.length + " bytes, expected " + block.rawLength());
            }
            return raw;
        } catch (ZstdException e) {
            throw new CorruptFileException(path, "cannot decompress block at offset " + block.firstOffset() + ": " + e.getMessage());
        }
    }

    static byte[] compress(byte[] raw) {
        return Zstd.compress(raw, ZSTD_LEVEL);
    }

    boolean overlaps(long fromMillis, long toMillis) {
        return footer.maxTimestamp() >= fromMillis && footer.minTimestamp() < toMillis;
    }

    long baseOffset() {
        return footer.baseOffset();
    }

    long endOffset() {
        return footer.endOffset();
    }

    long maxTimestamp() {
        return footer.maxTimestamp();
    }

    List<Block> blocks() {
        return footer.blocks();
    }

    Path path() {
        return path;
    }
}
