package io.watchpost.cloudwatch.math;

import java.util.List;
import java.util.function.UnaryOperator;

/** Evaluation of {@link Node.Call}: each function's runtime behaviour, dispatched by its family. */
final class Functions {
    private final Evaluator evaluator;
    private final EvalContext ctx;

    Functions(Evaluator evaluator, EvalContext ctx) {
        this.evaluator = evaluator;
        this.ctx = ctx;
    }

    Value call(Node.Call call) {
        Fn fn = call.fn();
        List<Node> args = call.args();
        if (fn.pointwise()) {
            Value arg = evaluator.eval(args.getFirst());
            if (arg instanceof Value.Scalar s) {
                return new Value.Scalar(SeriesKernels.pointwise(fn, s.value()));
            }
            return each(arg, s -> SeriesKernels.pointwise(fn, s, ctx));
        }
        if (fn.reduction()) {
            Value arg = evaluator.eval(args.getFirst());
            if (arg instanceof Value.Single s) {
                return new Value.Scalar(Aggregates.overTime(fn, s.series()));
            }
            List<TimeSeries> array = arg.asList();
            int period = array.isEmpty() ? ctx.defaultPeriod : array.getFirst().period();
            return new Value.Single(Aggregates.across(fn, array, SeriesInfo.derived(period)));
        }
        if (fn.sequential()) {
            return each(evaluator.eval(args.getFirst()), s -> SeriesKernels.sequential(fn, s, ctx));
        }
        if (fn.temporal()) {
            return each(evaluator.eval(args.getFirst()), s -> Grids.temporal(fn, s, ctx));
        }
        return switch (fn) {
            case FIRST, LAST -> new Value.Single(ArrayFunctions.firstOrLast(
                    evaluator.eval(args.getFirst()).asList(), fn == Fn.FIRST, ctx.defaultPeriod));
            case IF -> conditional(args);
            case METRIC_COUNT -> new Value.Scalar(evaluator.eval(args.getFirst()).asList().size());
            case PERIOD -> new Value.Scalar(((Value.Single) evaluator.eval(args.getFirst())).series().period());
            case REMOVE_EMPTY -> new Value.Many(evaluator.eval(args.getFirst()).asList().stream()
                    .filter(s -> s.size() > 0).toList());
            case SLICE -> ArrayFunctions.slice(evaluator.eval(args.get(0)).asList(), evaluator.scalar(args.get(1)),
                    args.size() == 3 ? evaluator.scalar(args.get(2)) : Double.POSITIVE_INFINITY);
            case TIME_SERIES -> new Value.Single(Grids.constant(ctx, evaluator.scalar(args.getFirst()), ctx.defaultPeriod));
            default -> throw new IllegalStateException("unhandled function " + fn);
        };
    }

    private static Value each(Value value, UnaryOperator<TimeSeries> op) {
        return switch (value) {
            case Value.Single s -> new Value.Single(op.apply(s.series()));
            case Value.Many m -> new Value.Many(m.series().stream().map(op).toList());
            case Value.Scalar s -> throw new IllegalStateException("scalar rejected by the compiler");
        };
    }

    private Value conditional(List<Node> args) {
        Value condition = evaluator.eval(args.get(0));
        Conditionals.Branch whenTrue = Conditionals.Branch.of(evaluator.eval(args.get(1)));
        Conditionals.Branch whenFalse = args.size() == 3
                ? Conditionals.Branch.of(evaluator.eval(args.get(2))) : Conditionals.Branch.ABSENT;
        if (condition instanceof Value.Single s) {
            return new Value.Single(Conditionals.ifSeries(s.series(), whenTrue, whenFalse, ctx));
        }
        double truth = ((Value.Scalar) condition).value();
        Conditionals.Branch chosen = truth != 0 ? whenTrue : whenFalse;
        if (!chosen.present()) {
            return new Value.Single(TimeSeries.empty(SeriesInfo.derived(ctx.defaultPeriod)));
        }
        if (chosen.series() != null) {
            return new Value.Single(chosen.series());
        }
        boolean anySeries = whenTrue.series() != null || whenFalse.series() != null;
        return anySeries ? new Value.Single(Grids.constant(ctx, chosen.scalar(), ctx.defaultPeriod))
                : new Value.Scalar(chosen.scalar());
    }
}
