package io.watchpost.cloudwatch.math;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Functions that produce values where a series has none: FILL, the timestamp functions and TIME_SERIES. They work
 * on the grid {@code start, start + period, ...} below {@code end}, merged with the series' own timestamps. Grids
 * are bounded by {@value #MAX_POINTS} points.
 */
final class Grids {
    static final int MAX_POINTS = 1_000_000;

    private Grids() {}

    static long[] grid(EvalContext ctx, int period) {
        long count = (ctx.end - ctx.start + period - 1) / period;
        if (count > MAX_POINTS) {
            throw new MathException("The expression would produce more than " + MAX_POINTS
                    + " datapoints for one time series", 0);
        }
        long[] times = new long[(int) count];
        for (int i = 0; i < times.length; i++) {
            times[i] = ctx.start + (long) i * period;
        }
        return times;
    }

    static TimeSeries constant(EvalContext ctx, double value, int period) {
        long[] times = grid(ctx, period);
        if (!Double.isFinite(value)) {
            ctx.noteDroppedNonFinite();
            return TimeSeries.empty(SeriesInfo.derived(period));
        }
        double[] values = new double[times.length];
        Arrays.fill(values, value);
        return new TimeSeries(times, values, SeriesInfo.derived(period));
    }

    /** FILL with a number ({@code filler} null) or a series, or REPEAT / LINEAR. */
    static TimeSeries fill(TimeSeries s, Node.Fill.FillMode mode, double constant, TimeSeries filler, EvalContext ctx) {
        long[] grid = grid(ctx, s.period());
        long[] times = Aggregates.unionTimes(List.of(s, new TimeSeries(grid, new double[grid.length], s.info())));
        double[] values = new double[times.length];
        Arrays.fill(values, Double.NaN);
        int g = 0;
        for (int i = 0; i < s.size(); i++) {
            while (times[g] != s.times()[i]) {
                g++;
            }
            values[g] = s.values()[i];
        }
        switch (mode) {
            case VALUE -> fillValue(times, values, constant, filler);
            case REPEAT -> fillRepeat(values);
            case LINEAR -> fillLinear(times, values);
        }
        return compact(times, values, s.info(), ctx);
    }

    private static void fillValue(long[] times, double[] values, double constant, TimeSeries filler) {
        int f = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                continue;
            }
            if (filler == null) {
                values[i] = constant;
                continue;
            }
            while (f < filler.size() && filler.times()[f] < times[i]) {
                f++;
            }
            if (f < filler.size() && filler.times()[f] == times[i]) {
                values[i] = filler.values()[f];
            }
        }
    }

    private static void fillRepeat(double[] values) {
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = last;
            } else {
                last = values[i];
            }
        }
    }

    private static void fillLinear(long[] times, double[] values) {
        int previous = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            if (previous >= 0 && i - previous > 1) {
                double slope = (values[i] - values[previous]) / (times[i] - times[previous]);
                for (int j = previous + 1; j < i; j++) {
                    values[j] = values[previous] + slope * (times[j] - times[previous]);
                }
            }
            previous = i;
        }
    }

    private static TimeSeries compact(long[] times, double[] values, SeriesInfo info, EvalContext ctx) {
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            if (Double.isInfinite(values[i])) {
                ctx.noteDroppedNonFinite();
                continue;
            }
            times[k] = times[i];
            values[k++] = values[i];
        }
        return TimeSeries.of(times, values, k, info);
    }

    /** MINUTE, HOUR, DAY (1 = Monday … 7 = Sunday), DATE, MONTH, YEAR and EPOCH of every grid timestamp, in UTC. */
    static TimeSeries temporal(Fn fn, TimeSeries s, EvalContext ctx) {
        long[] times = grid(ctx, s.period());
        double[] values = new double[times.length];
        long cachedDay = Long.MIN_VALUE;
        LocalDate date = null;
        for (int i = 0; i < times.length; i++) {
            long t = times[i];
            long day = Math.floorDiv(t, 86_400L);
            if (day != cachedDay && (fn == Fn.DATE || fn == Fn.MONTH || fn == Fn.YEAR)) {
                date = LocalDate.ofEpochDay(day);
                cachedDay = day;
            }
            values[i] = switch (fn) {
                case MINUTE -> Math.floorMod(t, 3_600L) / 60;
                case HOUR -> Math.floorMod(t, 86_400L) / 3_600;
                case DAY -> Math.floorMod(day + 3, 7L) + 1;
                case DATE -> date.getDayOfMonth();
                case MONTH -> date.getMonthValue();
                case YEAR -> date.getYear();
                case EPOCH -> t;
                default -> throw new IllegalArgumentException(fn + " is not a timestamp function");
            };
        }
        return new TimeSeries(times, values, s.info());
    }
}
