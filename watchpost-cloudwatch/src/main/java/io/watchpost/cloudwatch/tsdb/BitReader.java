package io.watchpost.cloudwatch.tsdb;

/** Reads what {@link BitWriter} wrote; reading past the end throws {@link IllegalArgumentException}. */
final class BitReader {
    private final byte[] bytes;
    private final int end;
    private int position;
    private int bitInByte;

    BitReader(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.position = offset;
        this.end = end;
    }

    long read(int count) {
        if (count > 32) {
            long high = read(count - 32);
            return (high << 32) | read(32);
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
            if (position >= end) {
                throw new IllegalArgumentException("bit stream truncated");
            }
            int bit = (bytes[position] >>> (7 - bitInByte)) & 1;
            value = (value << 1) | bit;
            if (++bitInByte == 8) {
                bitInByte = 0;
                position++;
            }
        }
        return value;
    }

    boolean readBit() {
        return read(1) == 1;
    }
}
