package io.watchpost.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame shared by every record we append: {@code u32 payload length | u32 CRC32C(payload) | payload},
 * big-endian. A zero length is never valid, so a zero-filled tail (what some file systems expose after a
 * machine crash) reads as corrupt rather than as empty frames whose CRC32C happens to be 0.
 */
final class Frames {
    static final int HEADER_BYTES = 8;

    private Frames() {}

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int checksum(byte[] bytes) {
        return checksum(bytes, 0, bytes.length);
    }

    /** Returns a buffer, ready to write, holding the frame for {@code payload}. */
    static ByteBuffer frame(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(payload.length).putInt(checksum(payload)).put(payload);
        return buffer.flip();
    }
}
