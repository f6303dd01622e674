package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Type rules for function calls, one method per signature family of AWS's reference table. */
final class Calls {
    private static final Set<Kind> SERIES_OR_ARRAY = EnumSet.of(Kind.SERIES, Kind.ARRAY);
    private static final Set<Kind> SCALAR_OR_SERIES = EnumSet.of(Kind.SCALAR, Kind.SERIES);
    private static final Set<Kind> SCALAR = EnumSet.of(Kind.SCALAR);
    private static final Set<Fn> SORT_FUNCTIONS = EnumSet.of(Fn.AVG, Fn.MIN, Fn.MAX, Fn.SUM);

    private final Compiler compiler;

    Calls(Compiler compiler) {
        this.compiler = compiler;
    }

    Node call(Expr.Call call) {
        String name = call.function();
        if (Fn.UNSUPPORTED.contains(name)) {
            throw new MathException("The function " + name + " is not supported by this CloudWatch endpoint", call.position());
        }
        Fn fn = Fn.named(name).orElseThrow(() ->
                new MathException("Unrecognized function '" + name + "'", call.position()));
        if (fn.pointwise()) {
            Node arg = only(call, EnumSet.of(Kind.SCALAR, Kind.SERIES, Kind.ARRAY));
            return new Node.Call(fn, List.of(arg), arg.kind());
        }
        if (fn.reduction()) {
            Node arg = only(call, SERIES_OR_ARRAY);
            return new Node.Call(fn, List.of(arg), arg.kind() == Kind.SERIES ? Kind.SCALAR : Kind.SERIES);
        }
        if (fn.sequential() || fn.temporal()) {
            Node arg = only(call, SERIES_OR_ARRAY);
            return new Node.Call(fn, List.of(arg), arg.kind());
        }
        return switch (fn) {
            case FILL -> fill(call);
            case FIRST, LAST -> new Node.Call(fn, List.of(only(call, SERIES_OR_ARRAY)), Kind.SERIES);
            case IF -> conditional(call);
            case METRIC_COUNT, PERIOD -> new Node.Call(fn, List.of(only(call, fn == Fn.PERIOD
                    ? EnumSet.of(Kind.SERIES) : SERIES_OR_ARRAY)), Kind.SCALAR);
            case METRICS -> metrics(call);
            case REMOVE_EMPTY -> new Node.Call(fn, List.of(only(call, SERIES_OR_ARRAY)), Kind.ARRAY);
            case SEARCH -> search(call);
            case SLICE -> slice(call);
            case SORT -> sort(call);
            case TIME_SERIES -> new Node.Call(fn, List.of(only(call, SCALAR)), Kind.SERIES);
            default -> throw new IllegalStateException("unhandled function " + fn);
        };
    }

    private Node fill(Expr.Call call) {
        arity(call, 2, 2);
        Node target = arg(call, 0, SERIES_OR_ARRAY);
        Expr with = call.args().get(1);
        if (with instanceof Expr.Word word) {
            return switch (word.word()) {
                case "REPEAT" -> new Node.Fill(target, Node.Fill.FillMode.REPEAT, Optional.empty());
                case "LINEAR" -> new Node.Fill(target, Node.Fill.FillMode.LINEAR, Optional.empty());
                default -> throw new MathException("FILL accepts a number, a time series, REPEAT or LINEAR, found "
                        + word.word(), word.position());
            };
        }
        return new Node.Fill(target, Node.Fill.FillMode.VALUE, Optional.of(arg(call, 1, SCALAR_OR_SERIES)));
    }

    private Node conditional(Expr.Call call) {
        arity(call, 2, 3);
        List<Node> args = new ArrayList<>();
        for (int i = 0; i < call.args().size(); i++) {
            args.add(arg(call, i, SCALAR_OR_SERIES));
        }
        boolean allScalar = args.stream().allMatch(a -> a.kind() == Kind.SCALAR);
        return new Node.Call(Fn.IF, args, allScalar ? Kind.SCALAR : Kind.SERIES);
    }

    private Node metrics(Expr.Call call) {
        arity(call, 0, 1);
        if (call.args().isEmpty()) {
            return new Node.Metrics("");
        }
        if (call.args().getFirst() instanceof Expr.Str str) {
            return new Node.Metrics(str.value());
        }
        throw new MathException("METRICS accepts only a string filter", call.args().getFirst().position());
    }

    private Node search(Expr.Call call) {
        arity(call, 2, 3);
        if (!(call.args().get(0) instanceof Expr.Str query)) {
            throw new MathException("SEARCH expects a quoted search expression", call.args().get(0).position());
        }
        if (!(call.args().get(1) instanceof Expr.Str stat) || !Statistics.isValid(stat.value())) {
            throw new MathException("SEARCH expects a valid statistic as its second argument",
                    call.args().get(1).position());
        }
        Optional<Node> period = call.args().size() == 3 ? Optional.of(arg(call, 2, SCALAR)) : Optional.empty();
        compiler.countSearch();
        return new Node.Search(SearchParser.parse(query.value(), query.position()), stat.value(), period);
    }

    private Node slice(Expr.Call call) {
        arity(call, 2, 3);
        List<Node> args = new ArrayList<>(List.of(arg(call, 0, SERIES_OR_ARRAY), arg(call, 1, SCALAR)));
        if (call.args().size() == 3) {
            args.add(arg(call, 2, SCALAR));
        }
        return new Node.Call(Fn.SLICE, args, Kind.ARRAY);
    }

    private Node sort(Expr.Call call) {
        arity(call, 3, 4);
        Node array = arg(call, 0, SERIES_OR_ARRAY);
        Fn by = word(call, 1).flatMap(Fn::named).filter(SORT_FUNCTIONS::contains).orElseThrow(() ->
                new MathException("SORT expects AVG, MIN, MAX or SUM as its second argument", call.args().get(1).position()));
        String order = word(call, 2).filter(w -> w.equals("ASC") || w.equals("DESC")).orElseThrow(() ->
                new MathException("SORT expects ASC or DESC as its third argument", call.args().get(2).position()));
        Optional<Node> limit = call.args().size() == 4 ? Optional.of(arg(call, 3, SCALAR)) : Optional.empty();
        return new Node.Sort(array, by, order.equals("DESC"), limit);
    }

    private static Optional<String> word(Expr.Call call, int index) {
        return call.args().get(index) instanceof Expr.Word word ? Optional.of(word.word()) : Optional.empty();
    }

    private Node only(Expr.Call call, Set<Kind> allowed) {
        arity(call, 1, 1);
        return arg(call, 0, allowed);
    }

    private Node arg(Expr.Call call, int index, Set<Kind> allowed) {
        Expr expr = call.args().get(index);
        Node node = compiler.node(expr);
        if (!allowed.contains(node.kind())) {
            throw new MathException(call.function() + " expects " + describe(allowed) + " as argument " + (index + 1)
                    + ", found " + node.kind(), expr.position());
        }
        return node;
    }

    private static void arity(Expr.Call call, int min, int max) {
        int count = call.args().size();
        if (count < min || count > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw new MathException(call.function() + " expects " + expected + " argument" + (max == 1 ? "" : "s")
                    + " but got " + count, call.position());
        }
    }

    private static String describe(Set<Kind> kinds) {
        List<String> names = kinds.stream().map(Kind::toString).toList();
        return String.join(" or ", names);
    }
}
