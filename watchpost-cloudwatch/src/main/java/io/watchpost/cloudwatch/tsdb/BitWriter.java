package io.watchpost.cloudwatch.tsdb;

/** Writes bit fields most-significant-bit first into a {@link ByteSink}; {@link #finish} pads the last byte with 0s. */
final class BitWriter {
    private final ByteSink out;
    private long buffer;
    private int bits;

    BitWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes the low {@code count} (0..64) bits of {@code value}. */
    void write(long value, int count) {
        if (count > 32) {
            write(value >>> 32, count - 32);
            write(value & 0xFFFFFFFFL, 32);
            return;
        }
        long masked = count == 0 ? 0 : value & (-1L >>> (64 - count));
        buffer = (buffer << count) | masked;
        bits += count;
        while (bits >= 8) {
            out.writeByte((int) (buffer >>> (bits - 8)));
            bits -= 8;
        }
    }

    void finish() {
        if (bits > 0) {
            out.writeByte((int) (buffer << (8 - bits)));
            bits = 0;
        }
        buffer = 0;
    }
}
