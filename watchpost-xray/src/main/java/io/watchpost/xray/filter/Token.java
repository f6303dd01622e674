package io.watchpost.xray.filter;

/** A lexical token with its 0-based start position in the expression, for error messages. */
record Token(Kind kind, String text, int position) {
    enum Kind { WORD, STRING, NUMBER, JSON, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON, NOT, AND, OR, OP, END }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A bare word equal to {@code word}, ignoring case (keywords and operators are case-insensitive). */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    String describe() {
        return kind == Kind.END ? "end of expression" : "\"" + text + "\"";
    }
}
