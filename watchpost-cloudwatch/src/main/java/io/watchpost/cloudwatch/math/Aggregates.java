package io.watchpost.cloudwatch.math;

import java.util.Arrays;
import java.util.List;

/**
 * AVG, MAX, MIN, SUM, STDDEV and DATAPOINT_COUNT: over the points of one series (a scalar), or across an array per
 * timestamp (a series on the union of the array's timestamps). Across an array AVG counts a missing value as 0, as
 * AWS documents; the others use the values present. STDDEV is the population standard deviation.
 */
final class Aggregates {
    private Aggregates() {}

    /** The reduction of one series; NaN for AVG, MIN, MAX and STDDEV of an empty series. */
    static double overTime(Fn fn, TimeSeries s) {
        double[] v = s.values();
        int n = v.length;
        if (fn == Fn.DATAPOINT_COUNT) {
            return n;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return switch (fn) {
            case SUM -> sum;
            case AVG -> n == 0 ? Double.NaN : sum / n;
            case MIN -> n == 0 ? Double.NaN : min;
            case MAX -> n == 0 ? Double.NaN : max;
            case STDDEV -> n == 0 ? Double.NaN : stddev(v, sum / n);
            default -> throw new IllegalArgumentException(fn + " is not a reduction");
        };
    }

    private static double stddev(double[] v, double mean) {
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        return Math.sqrt(squares / v.length);
    }

    /** The reduction across an array at every timestamp any member has. */
    static TimeSeries across(Fn fn, List<TimeSeries> array, SeriesInfo info) {
        long[] grid = unionTimes(array);
        int n = grid.length;
        double[] sum = new double[n];
        double[] squares = new double[n];
        int[] count = new int[n];
        double[] min = new double[n];
        double[] max = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (TimeSeries s : array) {
            long[] st = s.times();
            double[] sv = s.values();
            int g = 0;
            for (int i = 0; i < st.length; i++) {
                while (grid[g] != st[i]) {
                    g++;
                }
                double x = sv[i];
                sum[g] += x;
                squares[g] += x * x;
                count[g]++;
                min[g] = Math.min(min[g], x);
                max[g] = Math.max(max[g], x);
            }
        }
        double[] values = new double[n];
        for (int g = 0; g < n; g++) {
            values[g] = switch (fn) {
                case SUM -> sum[g];
                case AVG -> sum[g] / array.size();
                case MIN -> min[g];
                case MAX -> max[g];
                case DATAPOINT_COUNT -> count[g];
                case STDDEV -> Math.sqrt(Math.max(0, squares[g] / count[g] - (sum[g] / count[g]) * (sum[g] / count[g])));
                default -> throw new IllegalArgumentException(fn + " is not a reduction");
            };
        }
        return new TimeSeries(grid, values, info);
    }

    /** Sorted distinct timestamps of all members. */
    static long[] unionTimes(List<TimeSeries> array) {
        int total = 0;
        for (TimeSeries s : array) {
            total += s.size();
        }
        long[] all = new long[total];
        int at = 0;
        for (TimeSeries s : array) {
            System.arraycopy(s.times(), 0, all, at, s.size());
            at += s.size();
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }
}
