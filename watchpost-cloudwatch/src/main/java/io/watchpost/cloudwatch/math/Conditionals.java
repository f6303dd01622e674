package io.watchpost.cloudwatch.math;

/**
 * IF(condition, whenTrue[, whenFalse]) for a series condition, following AWS's table: at each timestamp of the
 * condition, a true (non-zero) value takes {@code whenTrue} (0 where that series has no point); a false value takes
 * {@code whenFalse}, and the point is dropped where that series has no point or the argument is omitted.
 */
final class Conditionals {
    private Conditionals() {}

    /** A branch: a scalar, a series, or absent ({@code series == null && !scalar}). */
    record Branch(boolean present, double scalar, TimeSeries series) {
        static final Branch ABSENT = new Branch(false, 0, null);

        static Branch of(Value value) {
            return switch (value) {
                case Value.Scalar s -> new Branch(true, s.value(), null);
                case Value.Single s -> new Branch(true, 0, s.series());
                case Value.Many m -> throw new IllegalStateException("IF branch cannot be an array");
            };
        }
    }

    static TimeSeries ifSeries(TimeSeries condition, Branch whenTrue, Branch whenFalse, EvalContext ctx) {
        long[] ct = condition.times();
        double[] cv = condition.values();
        long[] times = new long[ct.length];
        double[] values = new double[ct.length];
        int k = 0;
        int ti = 0;
        int fi = 0;
        for (int i = 0; i < ct.length; i++) {
            long t = ct[i];
            boolean truth = cv[i] != 0;
            Branch branch = truth ? whenTrue : whenFalse;
            double out;
            if (!branch.present()) {
                continue;
            } else if (branch.series() == null) {
                out = branch.scalar();
            } else {
                TimeSeries s = branch.series();
                int at = truth ? ti : fi;
                while (at < s.size() && s.times()[at] < t) {
                    at++;
                }
                if (truth) {
                    ti = at;
                } else {
                    fi = at;
                }
                boolean has = at < s.size() && s.times()[at] == t;
                if (!has && !truth) {
                    continue;
                }
                out = has ? s.values()[at] : 0;
            }
            times[k] = t;
            values[k++] = out;
        }
        SeriesInfo info = whenTrue.series() != null ? whenTrue.series().info() : condition.info();
        return TimeSeries.of(times, values, k, info);
    }
}
