package io.watchpost.cloudwatch.math;

/**
 * The per-datapoint loops of the engine: primitive arrays in, primitive arrays out, no boxing and one allocation
 * per result. This is the hot path (many series × thousands of points). A non-finite result (division by zero,
 * LOG of a negative number, ...) is dropped and noted, as CloudWatch drops it with an {@code ArithmeticError}.
 */
final class SeriesKernels {
    private SeriesKernels() {}

    /** {@code a op b} over the union of timestamps; a value missing on one side counts as 0. */
    static TimeSeries binary(Op op, TimeSeries a, TimeSeries b, EvalContext ctx, SeriesInfo info) {
        long[] at = a.times();
        long[] bt = b.times();
        double[] av = a.values();
        double[] bv = b.values();
        int na = at.length;
        int nb = bt.length;
        long[] times = new long[na + nb];
        double[] values = new double[na + nb];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < na || j < nb) {
            long t;
            double x;
            double y;
            if (j >= nb || (i < na && at[i] < bt[j])) {
                t = at[i];
                x = av[i++];
                y = 0;
            } else if (i >= na || bt[j] < at[i]) {
                t = bt[j];
                x = 0;
                y = bv[j++];
            } else {
                t = at[i];
                x = av[i++];
                y = bv[j++];
            }
            double r = op.apply(x, y);
            if (Double.isFinite(r)) {
                times[k] = t;
                values[k++] = r;
            } else {
                ctx.noteDroppedNonFinite();
            }
        }
        return TimeSeries.of(times, values, k, info);
    }

    /** {@code s op c} (or {@code c op s} when {@code scalarLeft}) at every point of {@code s}. */
    static TimeSeries withScalar(Op op, TimeSeries s, double c, boolean scalarLeft, EvalContext ctx) {
        long[] st = s.times();
        double[] sv = s.values();
        long[] times = new long[st.length];
        double[] values = new double[st.length];
        int k = 0;
        for (int i = 0; i < st.length; i++) {
            double r = scalarLeft ? op.apply(c, sv[i]) : op.apply(sv[i], c);
            if (Double.isFinite(r)) {
                times[k] = st[i];
                values[k++] = r;
            } else {
                ctx.noteDroppedNonFinite();
            }
        }
        return TimeSeries.of(times, values, k, s.info());
    }

    static double pointwise(Fn fn, double x) {
        return switch (fn) {
            case ABS -> Math.abs(x);
            case CEIL -> Math.ceil(x);
            case FLOOR -> Math.floor(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            default -> throw new IllegalArgumentException(fn + " is not point-wise");
        };
    }

    static TimeSeries pointwise(Fn fn, TimeSeries s, EvalContext ctx) {
        long[] st = s.times();
        double[] sv = s.values();
        long[] times = new long[st.length];
        double[] values = new double[st.length];
        int k = 0;
        for (int i = 0; i < st.length; i++) {
            double r = pointwise(fn, sv[i]);
            if (Double.isFinite(r)) {
                times[k] = st[i];
                values[k++] = r;
            } else {
                ctx.noteDroppedNonFinite();
            }
        }
        return TimeSeries.of(times, values, k, s.info());
    }

    static TimeSeries negate(TimeSeries s) {
        double[] sv = s.values();
        double[] values = new double[sv.length];
        for (int i = 0; i < sv.length; i++) {
            values[i] = -sv[i];
        }
        return new TimeSeries(s.times(), values, s.info());
    }

    /** DIFF, DIFF_TIME, RATE (each drops the first point) and RUNNING_SUM. */
    static TimeSeries sequential(Fn fn, TimeSeries s, EvalContext ctx) {
        long[] st = s.times();
        double[] sv = s.values();
        if (fn == Fn.RUNNING_SUM) {
            double[] values = new double[sv.length];
            double sum = 0;
            for (int i = 0; i < sv.length; i++) {
                sum += sv[i];
                values[i] = sum;
            }
            return new TimeSeries(st, values, s.info());
        }
        int n = Math.max(0, st.length - 1);
        long[] times = new long[n];
        double[] values = new double[n];
        int k = 0;
        for (int i = 1; i < st.length; i++) {
            double r = switch (fn) {
                case DIFF -> sv[i] - sv[i - 1];
                case DIFF_TIME -> st[i] - st[i - 1];
                case RATE -> (sv[i] - sv[i - 1]) / (st[i] - st[i - 1]);
                default -> throw new IllegalArgumentException(fn + " is not sequential");
            };
            if (Double.isFinite(r)) {
                times[k] = st[i];
                values[k++] = r;
            } else {
                ctx.noteDroppedNonFinite();
            }
        }
        return TimeSeries.of(times, values, k, s.info());
    }
}
