package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a parse tree against the ids it may reference and AWS's function signatures, producing the typed tree.
 * Errors carry the position of the offending term.
 */
final class Compiler {
    private final Function<String, Optional<Kind>> ids;
    private int searches;

    private Compiler(Function<String, Optional<Kind>> ids) {
        this.ids = ids;
    }

    /** The compiled tree and how many SEARCH() calls it makes (the request-wide SEARCH limit counts them). */
    record Compiled(Node root, int searches) {}

    static Compiled compile(Expr expr, Function<String, Optional<Kind>> ids) {
        Compiler compiler = new Compiler(ids);
        Node root = compiler.node(expr);
        if (root.kind() != Kind.SERIES && root.kind() != Kind.ARRAY) {
            throw new MathException("The expression must produce a time series or an array of time series", 0);
        }
        return new Compiled(root, compiler.searches);
    }

    /** The Ids an expression refers to, in order of appearance: its dependencies. */
    static Set<String> references(Expr expr) {
        Set<String> out = new LinkedHashSet<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr expr, Set<String> out) {
        switch (expr) {
            case Expr.Ref ref -> out.add(ref.id());
            case Expr.Negate negate -> collect(negate.operand(), out);
            case Expr.Binary binary -> {
                collect(binary.left(), out);
                collect(binary.right(), out);
            }
            case Expr.Call call -> call.args().forEach(arg -> collect(arg, out));
            case Expr.Array array -> array.elements().forEach(e -> collect(e, out));
            case Expr.Num num -> { }
            case Expr.Str str -> { }
            case Expr.Word word -> { }
        }
    }

    Node node(Expr expr) {
        return switch (expr) {
            case Expr.Num num -> new Node.Constant(num.value());
            case Expr.Ref ref -> new Node.Reference(ref.id(), ids.apply(ref.id()).orElseThrow(() ->
                    new MathException("Unrecognized metric or expression id '" + ref.id() + "'", ref.position())));
            case Expr.Str str -> throw new MathException("Unexpected string \"" + str.value() + "\"", str.position());
            case Expr.Word word -> throw new MathException(Fn.named(word.word()).isPresent() || Fn.UNSUPPORTED.contains(word.word())
                    ? "Function " + word.word() + " must be called with parentheses"
                    : "Unrecognized token '" + word.word() + "'", word.position());
            case Expr.Negate negate -> negate(negate);
            case Expr.Binary binary -> binary(binary);
            case Expr.Array array -> array(array);
            case Expr.Call call -> new Calls(this).call(call);
        };
    }

    private Node negate(Expr.Negate negate) {
        Node operand = numeric(negate.operand());
        return new Node.Negate(operand, operand.kind());
    }

    private Node binary(Expr.Binary binary) {
        Node left = numeric(binary.left());
        Node right = numeric(binary.right());
        Kind kind;
        if (left.kind() == Kind.ARRAY && right.kind() == Kind.ARRAY) {
            throw new MathException("Operator " + binary.op().symbol()
                    + " cannot combine two arrays of time series", binary.position());
        } else if (left.kind() == Kind.ARRAY || right.kind() == Kind.ARRAY) {
            kind = Kind.ARRAY;
        } else if (left.kind() == Kind.SERIES || right.kind() == Kind.SERIES) {
            kind = Kind.SERIES;
        } else {
            kind = Kind.SCALAR;
        }
        return new Node.Binary(binary.op(), left, right, kind);
    }

    private Node array(Expr.Array array) {
        if (array.elements().isEmpty()) {
            throw new MathException("An array must contain at least one time series", array.position());
        }
        List<Node> elements = new ArrayList<>();
        for (Expr element : array.elements()) {
            Node node = node(element);
            if (node.kind() != Kind.SERIES && node.kind() != Kind.ARRAY) {
                throw new MathException("An array can contain only time series, found " + node.kind(), element.position());
            }
            elements.add(node);
        }
        return new Node.ArrayOf(elements);
    }

    /** Compiles a term that must be a number, a series or an array. */
    Node numeric(Expr expr) {
        Node node = node(expr);
        if (!node.kind().numeric()) {
            throw new MathException("Expected a number or time series", expr.position());
        }
        return node;
    }

    void countSearch() {
        searches++;
    }
}
