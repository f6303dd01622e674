package io.watchpost.cloudwatch.tsdb;

/**
 * The aggregate of one series, unit and period: sample count, sum, minimum, maximum and the distribution for
 * percentiles. While every sample has the same value the distribution is implicit (all samples equal
 * {@link #minimum()}), so the common one-value-per-period cell carries no sketch at all; the first differing value
 * creates a {@link QuantileSketch}.
 *
 * <p>Statistic sets follow AWS's rule for percentiles: a set whose values are all equal ({@code Minimum == Maximum}
 * and {@code Sum == Minimum * SampleCount}) counts as that many raw values; any other set makes percentile-based
 * statistics unavailable for the cell (and every cell it is merged into).
 *
 * <p>Not thread-safe: cells are guarded by their series.
 */
public final class Cell {
    private double count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private QuantileSketch sketch;
    private boolean percentilesUnavailable;

    Cell() {}

    Cell(double count, double sum, double min, double max, QuantileSketch sketch, boolean percentilesUnavailable) {
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.sketch = sketch;
        this.percentilesUnavailable = percentilesUnavailable;
    }

    /** Adds {@code count} samples of {@code value}. */
    void add(double value, double weight) {
        if (weight <= 0) {
            return;
        }
        if (!percentilesUnavailable) {
            if (sketch == null && count > 0 && value != min) {
                sketch = new QuantileSketch();
                sketch.add(min, count);
            }
            if (sketch != null) {
                sketch.add(value, weight);
            }
        }
        count += weight;
        sum += value * weight;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds a statistic set (PutMetricData {@code StatisticValues}). */
    void addStatisticSet(double sampleCount, double setSum, double setMin, double setMax) {
        if (setMin == setMax && setSum == setMin * sampleCount) {
            add(setMin, sampleCount);
            return;
        }
        makePercentilesUnavailable();
        count += sampleCount;
        sum += setSum;
        min = Math.min(min, setMin);
        max = Math.max(max, setMax);
    }

    void merge(Cell other) {
        if (other.count <= 0) {
            return;
        }
        if (other.percentilesUnavailable) {
            makePercentilesUnavailable();
        } else if (!percentilesUnavailable) {
            if (other.sketch == null) {
                addToDistribution(other.min, other.count);
            } else {
                ensureSketch();
                sketch.merge(other.sketch);
            }
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    private void addToDistribution(double value, double weight) {
        if (sketch == null && (count == 0 || value == min)) {
            return; // still all one value
        }
        ensureSketch();
        sketch.add(value, weight);
    }

    private void ensureSketch() {
        if (sketch == null) {
            sketch = new QuantileSketch();
            if (count > 0) {
                sketch.add(min, count);
            }
        }
    }

    private void makePercentilesUnavailable() {
        percentilesUnavailable = true;
        sketch = null;
    }

    /** A new cell holding both; neither argument changes. */
    public static Cell merged(Cell a, Cell b) {
        Cell result = a.copy();
        result.merge(b);
        return result;
    }

    Cell copy() {
        return new Cell(count, sum, min, max, sketch == null ? null : sketch.copy(), percentilesUnavailable);
    }

    public double sampleCount() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double minimum() {
        return min;
    }

    public double maximum() {
        return max;
    }

    public double average() {
        return sum / count;
    }

    /** False when a statistic set with distinct values went into this cell: no percentile-based statistics. */
    public boolean hasDistribution() {
        return !percentilesUnavailable && count > 0;
    }

    /** The value at quantile {@code q} in [0, 1]; exact for the minimum, maximum and single-valued cells. */
    double quantile(double q) {
        if (q <= 0) {
            return min;
        }
        if (q >= 1) {
            return max;
        }
        if (sketch == null) {
            return min;
        }
        return Math.min(max, Math.max(min, sketch.quantile(q)));
    }

    /** Every distinct (approximate) value with its weight, ascending; exact min and max clamp the buckets. */
    void forEachValue(QuantileSketch.BucketConsumer consumer) {
        if (sketch == null) {
            consumer.accept(min, count);
            return;
        }
        sketch.forEachAscending((value, weight) -> consumer.accept(Math.min(max, Math.max(min, value)), weight));
    }

    QuantileSketch sketch() {
        return sketch;
    }

    boolean percentilesUnavailable() {
        return percentilesUnavailable;
    }
}
