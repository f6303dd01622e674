package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a typed tree over the values of an {@link EvalContext}. */
final class Evaluator {
    private final EvalContext ctx;

    Evaluator(EvalContext ctx) {
        this.ctx = ctx;
    }

    Value eval(Node node) {
        return switch (node) {
            case Node.Constant c -> new Value.Scalar(c.value());
            case Node.Reference ref -> ctx.value(ref.id());
            case Node.Metrics m -> new Value.Many(ctx.metrics(m.filter()));
            case Node.Insights q -> new Value.Many(ctx.insights(q.query(), ctx.defaultPeriod));
            case Node.Search s -> new Value.Many(ctx.search(s.query(), s.stat(), s.period()
                    .map(p -> period(scalar(p), "SEARCH")).orElse(ctx.defaultPeriod)));
            case Node.Negate n -> negate(eval(n.operand()));
            case Node.Binary b -> binary(b.op(), eval(b.left()), eval(b.right()));
            case Node.ArrayOf a -> array(a);
            case Node.Fill f -> fill(f);
            case Node.Sort s -> ArrayFunctions.sort(eval(s.array()).asList(), s.by(), s.descending(),
                    s.limit().map(this::scalar));
            case Node.Call c -> new Functions(this, ctx).call(c);
        };
    }

    double scalar(Node node) {
        return ((Value.Scalar) eval(node)).value();
    }

    private static int period(double value, String function) {
        if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new MathException(function + " period must be a positive whole number of seconds", 0);
        }
        return (int) value;
    }

    private Value negate(Value value) {
        return switch (value) {
            case Value.Scalar s -> new Value.Scalar(-s.value());
            case Value.Single s -> new Value.Single(SeriesKernels.negate(s.series()));
            case Value.Many m -> new Value.Many(m.series().stream().map(SeriesKernels::negate).toList());
        };
    }

    private Value binary(Op op, Value left, Value right) {
        if (left instanceof Value.Scalar a && right instanceof Value.Scalar b) {
            return new Value.Scalar(op.apply(a.value(), b.value()));
        }
        if (left instanceof Value.Many many) {
            return new Value.Many(many.series().stream().map(s -> single(op, s, right, false)).toList());
        }
        if (right instanceof Value.Many many) {
            return new Value.Many(many.series().stream().map(s -> single(op, s, left, true)).toList());
        }
        if (left instanceof Value.Single s) {
            return new Value.Single(single(op, s.series(), right, false));
        }
        return new Value.Single(single(op, ((Value.Single) right).series(), left, true));
    }

    /** {@code series op other} (or {@code other op series} when {@code seriesRight}); other is a scalar or a series. */
    private TimeSeries single(Op op, TimeSeries series, Value other, boolean seriesRight) {
        return switch (other) {
            case Value.Scalar c -> SeriesKernels.withScalar(op, series, c.value(), seriesRight, ctx);
            case Value.Single o -> seriesRight
                    ? SeriesKernels.binary(op, o.series(), series, ctx, series.info())
                    : SeriesKernels.binary(op, series, o.series(), ctx, series.info());
            case Value.Many m -> throw new IllegalStateException("array with array is rejected by the compiler");
        };
    }

    private Value array(Node.ArrayOf array) {
        List<TimeSeries> out = new ArrayList<>();
        for (Node element : array.elements()) {
            out.addAll(eval(element).asList());
        }
        return new Value.Many(out);
    }

    private Value fill(Node.Fill fill) {
        Value target = eval(fill.target());
        double constant = 0;
        TimeSeries filler = null;
        if (fill.with().isPresent()) {
            Value with = eval(fill.with().get());
            if (with instanceof Value.Scalar s) {
                constant = s.value();
            } else {
                filler = ((Value.Single) with).series();
            }
        }
        List<TimeSeries> out = new ArrayList<>();
        for (TimeSeries s : target.asList()) {
            out.add(Grids.fill(s, fill.mode(), constant, filler, ctx));
        }
        return target instanceof Value.Single ? new Value.Single(out.getFirst()) : new Value.Many(out);
    }
}
