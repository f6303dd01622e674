package io.watchpost.cloudwatch.math;

/** One lexical token of a metric math expression; {@code position} is 1-based. */
record Token(Type type, String text, int position) {
    enum Type {
        NUMBER, IDENT, WORD, STRING, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
        PLUS, MINUS, STAR, SLASH, CARET, EQ, NE, LT, LE, GT, GE, AND, OR, END
    }

    boolean is(Type expected) {
        return type == expected;
    }
}
