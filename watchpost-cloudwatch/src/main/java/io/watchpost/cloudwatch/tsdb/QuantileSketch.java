package io.watchpost.cloudwatch.tsdb;

import java.util.Arrays;

/**
 * A mergeable quantile sketch with a relative-error guarantee (the DDSketch scheme): a value {@code v} is counted in
 * the logarithmic bucket {@code ceil(log_gamma |v|)} with {@code gamma = (1 + a) / (1 - a)} and {@code a = 1%}, so
 * every bucket's representative value is within 1% of every value counted in it, and any quantile read from the
 * sketch is within 1% (relative) of a value of the data set at that rank. Merging adds bucket counts, so cells of
 * any period merge without loss of that bound. Positive and negative values have separate bucket sets; magnitudes
 * below {@link #MIN_MAGNITUDE} count as zero. Counts are doubles because PutMetricData {@code Counts} are.
 *
 * <p>Buckets are kept sparse (sorted index array + count array): a cell of a few distinct values stays small, and
 * even a wide distribution needs at most ~23,000 buckets over the accepted range of ±2^360.
 *
 * <p>Not thread-safe; owned by a {@link Cell}.
 */
final class QuantileSketch {
    static final double RELATIVE_ACCURACY = 0.01;
    static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    static final double MIN_MAGNITUDE = 1e-300;

    private final Buckets positive;
    private final Buckets negative;
    private double zeroCount;

    QuantileSketch() {
        this(new Buckets(), new Buckets(), 0);
    }

    private QuantileSketch(Buckets positive, Buckets negative, double zeroCount) {
        this.positive = positive;
        this.negative = negative;
        this.zeroCount = zeroCount;
    }

    void add(double value, double count) {
        double magnitude = Math.abs(value);
        if (magnitude < MIN_MAGNITUDE) {
            zeroCount += count;
        } else {
            (value > 0 ? positive : negative).add(index(magnitude), count);
        }
    }

    void merge(QuantileSketch other) {
        zeroCount += other.zeroCount;
        positive.merge(other.positive);
        negative.merge(other.negative);
    }

    QuantileSketch copy() {
        return new QuantileSketch(positive.copy(), negative.copy(), zeroCount);
    }

    double totalCount() {
        return zeroCount + positive.total() + negative.total();
    }

    /**
     * The value at quantile {@code q} in [0, 1] by nearest rank (the smallest value with at least {@code q * n}
     * values at or below it: p99 of 16 values is the 16th), or NaN when empty. CloudWatch defines pNN as the value
     * NN% of the data is at or below.
     */
    double quantile(double q) {
        double total = totalCount();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.max(1, Math.ceil(q * total - 1e-9));
        double[] result = {Double.NaN};
        double[] seen = {0};
        forEachAscending((value, count) -> {
            if (Double.isNaN(result[0])) {
                seen[0] += count;
                if (seen[0] >= rank) {
                    result[0] = value;
                }
            }
        });
        return result[0];
    }

    /** Every bucket, from the lowest value to the highest, as (representative value, count). */
    void forEachAscending(BucketConsumer consumer) {
        for (int i = negative.size - 1; i >= 0; i--) {
            consumer.accept(-value(negative.keys[i]), negative.counts[i]);
        }
        if (zeroCount > 0) {
            consumer.accept(0, zeroCount);
        }
        for (int i = 0; i < positive.size; i++) {
            consumer.accept(value(positive.keys[i]), positive.counts[i]);
        }
    }

    void encode(ByteSink out) {
        out.writeDouble(zeroCount);
        positive.encode(out);
        negative.encode(out);
    }

    static QuantileSketch decode(ByteSource in) {
        double zero = in.readDouble();
        Buckets positive = Buckets.decode(in);
        Buckets negative = Buckets.decode(in);
        return new QuantileSketch(positive, negative, zero);
    }

    static int index(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    /** The point of bucket {@code index} whose relative distance to both bucket bounds is equal. */
    static double value(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }

    @FunctionalInterface
    interface BucketConsumer {
        void accept(double value, double count);
    }

    /** Sorted sparse buckets: {@code keys[0..size)} ascending, {@code counts} aligned. */
    private static final class Buckets {
        int[] keys;
        double[] counts;
        int size;

        Buckets() {
            this(new int[0], new double[0], 0);
        }

        Buckets(int[] keys, double[] counts, int size) {
            this.keys = keys;
            this.counts = counts;
            this.size = size;
        }

        void add(int key, double count) {
            int at = Arrays.binarySearch(keys, 0, size, key);
            if (at >= 0) {
                counts[at] += count;
                return;
            }
            int insert = -at - 1;
            if (size == keys.length) {
                int capacity = Math.max(4, size * 2);
                keys = Arrays.copyOf(keys, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            System.arraycopy(keys, insert, keys, insert + 1, size - insert);
            System.arraycopy(counts, insert, counts, insert + 1, size - insert);
            keys[insert] = key;
            counts[insert] = count;
            size++;
        }

        void merge(Buckets other) {
            for (int i = 0; i < other.size; i++) {
                add(other.keys[i], other.counts[i]);
            }
        }

        double total() {
            double total = 0;
            for (int i = 0; i < size; i++) {
                total += counts[i];
            }
            return total;
        }

        Buckets copy() {
            return new Buckets(Arrays.copyOf(keys, size), Arrays.copyOf(counts, size), size);
        }

        void encode(ByteSink out) {
            out.writeVarInt(size);
            int previous = 0;
            for (int i = 0; i < size; i++) {
                out.writeVarLong(zigZag(keys[i] - (long) previous));
                previous = keys[i];
                out.writeDouble(counts[i]);
            }
        }

        static Buckets decode(ByteSource in) {
            int size = in.readVarInt();
            if (size < 0 || size > 1 << 20) {
                throw new IllegalArgumentException("bucket count out of range: " + size);
            }
            int[] keys = new int[size];
            double[] counts = new double[size];
            long previous = 0;
            for (int i = 0; i < size; i++) {
                previous += unZigZag(in.readVarLong());
                keys[i] = (int) previous;
                counts[i] = in.readDouble();
            }
            return new Buckets(keys, counts, size);
        }
    }

    static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
