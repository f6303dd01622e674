package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One series as the engine computes with it: parallel primitive arrays of timestamps (epoch seconds, strictly
 * ascending) and finite values. The arrays are owned by the series and never modified after construction, so
 * operations share them freely instead of copying.
 */
record TimeSeries(long[] times, double[] values, SeriesInfo info) {
    TimeSeries {
        requireNonNull(times, "times is null");
        requireNonNull(values, "values is null");
        requireNonNull(info, "info is null");
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    /** A series from the first {@code size} entries of working arrays (trimmed only when needed). */
    static TimeSeries of(long[] times, double[] values, int size, SeriesInfo info) {
        if (size == times.length && size == values.length) {
            return new TimeSeries(times, values, info);
        }
        return new TimeSeries(Arrays.copyOf(times, size), Arrays.copyOf(values, size), info);
    }

    static TimeSeries empty(SeriesInfo info) {
        return new TimeSeries(new long[0], new double[0], info);
    }

    int size() {
        return times.length;
    }

    int period() {
        return info.period();
    }

    TimeSeries withInfo(SeriesInfo other) {
        return new TimeSeries(times, values, other);
    }
}
