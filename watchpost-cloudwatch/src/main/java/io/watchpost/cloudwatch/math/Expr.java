package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The parse tree of a metric math expression, before names and types are checked; positions are 1-based. */
sealed interface Expr {
    int position();

    record Num(double value, int position) implements Expr {}

    record Str(String value, int position) implements Expr {
        public Str {
            requireNonNull(value, "value is null");
        }
    }

    /** A reference to another query by its Id. */
    record Ref(String id, int position) implements Expr {
        public Ref {
            requireNonNull(id, "id is null");
        }
    }

    /** A bare upper-case word used as an argument: REPEAT, LINEAR, AVG, ASC, ... */
    record Word(String word, int position) implements Expr {
        public Word {
            requireNonNull(word, "word is null");
        }
    }

    record Negate(Expr operand, int position) implements Expr {
        public Negate {
            requireNonNull(operand, "operand is null");
        }
    }

    record Binary(Op op, Expr left, Expr right, int position) implements Expr {
        public Binary {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Call(String function, List<Expr> args, int position) implements Expr {
        public Call {
            requireNonNull(function, "function is null");
            args = List.copyOf(args);
        }
    }

    record Array(List<Expr> elements, int position) implements Expr {
        public Array {
            elements = List.copyOf(elements);
        }
    }
}
