package io.watchpost.cloudwatch.tsdb;

/**
 * The column encodings of the Gorilla paper (Pelkonen et al., VLDB 2015), as specified in
 * {@code docs/formats/metrics-store.md}: timestamps as delta-of-delta with prefix-coded widths, floats as the XOR
 * with the previous value with a reused leading/trailing-zero window.
 */
final class GorillaCodec {
    private GorillaCodec() {}

    static void writeTimestamps(BitWriter out, long[] values) {
        long previous = 0;
        long previousDelta = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0) {
                out.write(values[0], 64);
            } else {
                long delta = values[i] - previous;
                writeDeltaOfDelta(out, delta - previousDelta);
                previousDelta = delta;
            }
            previous = values[i];
        }
    }

    private static void writeDeltaOfDelta(BitWriter out, long dod) {
        if (dod == 0) {
            out.write(0b0, 1);
        } else if (dod >= -63 && dod <= 64) {
            out.write(0b10, 2);
            out.write(dod + 63, 7);
        } else if (dod >= -255 && dod <= 256) {
            out.write(0b110, 3);
            out.write(dod + 255, 9);
        } else if (dod >= -2047 && dod <= 2048) {
            out.write(0b1110, 4);
            out.write(dod + 2047, 12);
        } else {
            out.write(0b1111, 4);
            out.write(dod, 64);
        }
    }

    static long[] readTimestamps(BitReader in, int count) {
        long[] values = new long[count];
        long previousDelta = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                values[0] = in.read(64);
                continue;
            }
            long delta = previousDelta + readDeltaOfDelta(in);
            values[i] = values[i - 1] + delta;
            previousDelta = delta;
        }
        return values;
    }

    private static long readDeltaOfDelta(BitReader in) {
        if (!in.readBit()) {
            return 0;
        }
        if (!in.readBit()) {
            return in.read(7) - 63;
        }
        if (!in.readBit()) {
            return in.read(9) - 255;
        }
        if (!in.readBit()) {
            return in.read(12) - 2047;
        }
        return in.read(64);
    }

    /** XOR-encodes {@code values}: '0' repeat; '10' + meaningful bits in the previous window; '11' + new window. */
    static void writeFloats(BitWriter out, double[] values) {
        long previous = 0;
        int leading = -1;
        int trailing = 0;
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            if (i == 0) {
                out.write(bits, 64);
                previous = bits;
                continue;
            }
            long xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                out.write(0, 1);
                continue;
            }
            int lz = Long.numberOfLeadingZeros(xor);
            int tz = Long.numberOfTrailingZeros(xor);
            if (leading >= 0 && lz >= leading && tz >= trailing) {
                out.write(0b10, 2);
                out.write(xor >>> trailing, 64 - leading - trailing);
            } else {
                leading = lz;
                trailing = tz;
                int length = 64 - lz - tz;
                out.write(0b11, 2);
                out.write(lz, 6);
                out.write(length - 1, 6);
                out.write(xor >>> tz, length);
            }
        }
    }

    static double[] readFloats(BitReader in, int count) {
        double[] values = new double[count];
        long previous = 0;
        int leading = 0;
        int trailing = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                previous = in.read(64);
            } else if (in.readBit()) {
                if (in.readBit()) {
                    leading = (int) in.read(6);
                    int length = (int) in.read(6) + 1;
                    trailing = 64 - leading - length;
                    if (trailing < 0) {
                        throw new IllegalArgumentException("bad XOR window");
                    }
                }
                previous ^= in.read(64 - leading - trailing) << trailing;
            }
            values[i] = Double.longBitsToDouble(previous);
        }
        return values;
    }
}
