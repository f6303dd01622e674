package io.watchpost.cloudwatch.math;

/**
 * The binary operators. {@link #apply} is the scalar kernel every series operation loops over; comparisons and
 * logical operators answer 1 (true) or 0 (false), and a value is true when it is not 0.
 */
enum Op {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("AND"), OR("OR");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case AND -> a != 0 && b != 0 ? 1 : 0;
            case OR -> a != 0 || b != 0 ? 1 : 0;
        };
    }
}
