package io.watchpost.cloudwatch.tsdb;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Reads what {@link ByteSink} wrote. Bounds are checked: a truncated or damaged input throws
 * {@link IllegalArgumentException}, never reads past the end. Not thread-safe.
 */
final class ByteSource {
    private final byte[] bytes;
    private final int end;
    private int position;

    ByteSource(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.position = offset;
        this.end = end;
    }

    ByteSource(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    int readInt() {
        need(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    int readVarInt() {
        long value = readVarLong();
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        return (int) value;
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    String readString() {
        int length = readVarInt();
        need(length);
        String value = new String(bytes, position, length, UTF_8);
        position += length;
        return value;
    }

    byte[] readBytes(int length) {
        need(length);
        byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return copy;
    }

    boolean hasMore() {
        return position < end;
    }

    int position() {
        return position;
    }

    private void need(int count) {
        if (count < 0 || position + count > end) {
            throw new IllegalArgumentException("truncated input at " + position);
        }
    }
}
