package io.watchpost.xray.filter;

/** Comparison operators; which apply depends on the keyword's type. */
enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONTAINS("CONTAINS"), BEGINSWITH("BEGINSWITH"), ENDSWITH("ENDSWITH");

    final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    boolean numeric() {
        return this != CONTAINS && this != BEGINSWITH && this != ENDSWITH;
    }

    boolean forText() {
        return this == EQ || this == NE || !numeric();
    }

    boolean test(double left, double right) {
        return switch (this) {
            case EQ -> left == right;
            case NE -> left != right;
            case LT -> left < right;
            case LE -> left <= right;
            case GT -> left > right;
            case GE -> left >= right;
            default -> false;
        };
    }

    /** Text comparisons are case-sensitive; {@code !=} is handled by the caller as "present and none equal". */
    boolean test(String left, String right) {
        return switch (this) {
            case EQ -> left.equals(right);
            case CONTAINS -> left.contains(right);
            case BEGINSWITH -> left.startsWith(right);
            case ENDSWITH -> left.endsWith(right);
            default -> false;
        };
    }
}
