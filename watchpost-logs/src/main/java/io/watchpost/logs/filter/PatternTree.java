package io.watchpost.logs.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The typed tree a pattern compiles to. All nodes are immutable values. */
final class PatternTree {
    private PatternTree() {}

    /** One compiled pattern, by form. */
    sealed interface Form permits All, Text, Regex, Json, Delimited {}

    /** The empty pattern: every event matches. */
    record All() implements Form {}

    /** Unstructured terms: OR over groups, AND within a group. */
    record Text(List<List<Term>> groups) implements Form {
        Text {
            groups = List.copyOf(groups);
        }
    }

    record Term(String text, boolean excluded) {
        Term {
            requireNonNull(text, "text is null");
        }
    }

    /** A standalone {@code %regex%} pattern: matches when the expression is found anywhere in the message. */
    record Regex(RegexValue value) implements Form {}

    record Json(JsonExpr expr) implements Form {}

    record Delimited(List<Field> fields) implements Form {
        Delimited {
            fields = List.copyOf(fields);
        }
    }

    // ---- JSON expressions ----

    sealed interface JsonExpr permits And, Or, Compare, IsNull, NotExists, IsBoolean {}

    record And(JsonExpr left, JsonExpr right) implements JsonExpr {}

    record Or(JsonExpr left, JsonExpr right) implements JsonExpr {}

    record Compare(JsonSelector selector, Op op, Value value) implements JsonExpr {}

    record IsNull(JsonSelector selector) implements JsonExpr {}

    record NotExists(JsonSelector selector) implements JsonExpr {}

    record IsBoolean(JsonSelector selector, boolean value) implements JsonExpr {}

    // ---- space-delimited fields ----

    sealed interface Field permits Ellipsis, Column {}

    /** {@code ...}: any number of fields (zero or more). */
    record Ellipsis() implements Field {}

    /** One field of the line; unnamed when the pattern leaves the slot empty ({@code [a,,b]}). */
    record Column(Optional<String> name, Optional<Condition> condition) implements Field {}

    sealed interface Condition permits AllOf, AnyOf, Test {}

    record AllOf(Condition left, Condition right) implements Condition {}

    record AnyOf(Condition left, Condition right) implements Condition {}

    record Test(Op op, Value value) implements Condition {}

    // ---- values ----

    enum Op {
        EQ("="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean relational() {
            return this != EQ && this != NE;
        }

        boolean holds(double left, double right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case GT -> left > right;
                case LE -> left <= right;
                case GE -> left >= right;
            };
        }
    }

    /** The right-hand side of a comparison. */
    sealed interface Value permits Literal, RegexValue {}
}
