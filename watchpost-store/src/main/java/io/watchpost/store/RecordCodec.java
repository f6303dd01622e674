package io.watchpost.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Record payload: {@code i64 offset | i64 timestampMillis | u32 keyLength | key | value}, big-endian,
 * inside a {@link Frames frame}. The offset is stored so recovery can prove frames are dense and in order.
 */
final class RecordCodec {
    static final int MIN_PAYLOAD = 20;
    /** Largest payload we write or accept; a larger length in a file is treated as corruption. */
    static final int MAX_PAYLOAD = 64 << 20;

    private RecordCodec() {}

    static int frameLength(byte[] key, byte[] value) {
        long payload = (long) MIN_PAYLOAD + key.length + value.length;
        if (payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("record too large: " + payload + " bytes, at most " + MAX_PAYLOAD);
        }
        return Frames.HEADER_BYTES + (int) payload;
    }

    /** The complete frame, ready to write. */
    static ByteBuffer frame(long offset, long timestampMillis, byte[] key, byte[] value) {
        byte[] payload = ByteBuffer.allocate(MIN_PAYLOAD + key.length + value.length)
                .putLong(offset).putLong(timestampMillis).putInt(key.length).put(key).put(value).array();
        return Frames.frame(payload);
    }

    /** Whether a checksummed payload decodes: long enough and its key length fits. */
    static boolean isWellFormed(byte[] payload) {
        if (payload.length < MIN_PAYLOAD) {
            return false;
        }
        int keyLength = ByteBuffer.wrap(payload).getInt(16);
        return keyLength >= 0 && keyLength <= payload.length - MIN_PAYLOAD;
    }

    static long offsetOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(0);
    }

    static long timestampOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(8);
    }

    /**
     * Decodes every frame of a block (raw frames, or a sealed block after decompression). Blocks were
     * validated when written or recovered, so a bad frame here is damage and fails the read.
     */
    static void decodeBlock(byte[] block, Path source, Consumer<LogRecord> consumer) throws CorruptFileException {
        ByteBuffer in = ByteBuffer.wrap(block);
        try {
            while (in.hasRemaining()) {
                int length = in.getInt();
                int checksum = in.getInt();
                if (length < MIN_PAYLOAD || length > in.remaining()
                        || Frames.checksum(block, in.position(), length) != checksum) {
                    throw new CorruptFileException(source, "bad record frame in block at byte " + (in.position() - 8));
                }
                consumer.accept(decode(in, length));
            }
        } catch (BufferUnderflowException e) {
            throw new CorruptFileException(source, "block ends inside a record frame");
        }
    }

    private static LogRecord decode(ByteBuffer in, int length) {
        int end = in.position() + length;
        long offset = in.getLong();
        long timestamp = in.getLong();
        int keyLength = in.getInt();
        if (keyLength < 0 || keyLength > end - in.position()) {
            throw new BufferUnderflowException();
        }
        byte[] key = new byte[keyLength];
        in.get(key);
        byte[] value = new byte[end - in.position()];
        in.get(value);
        return new LogRecord(offset, timestamp, key, value);
    }
}
