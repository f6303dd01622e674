package io.watchpost.logs.filter;

/**
 * A pattern the compiler refuses: {@link #getMessage()} is AWS's own message (what the caller sees), {@link #position}
 * the offset in the pattern where the compiler stopped (for tests and logs; AWS does not report positions).
 */
final class PatternError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID = "Invalid filter pattern";
    static final String UNCLOSED_BRACE = "If a filter pattern starts with '{' it must end with '}'";
    static final String UNCLOSED_BRACKET = "If a filter pattern starts with '[' it must end with ']'";

    final int position;

    PatternError(String message, int position) {
        super(message, null, false, false);
        this.position = position;
    }

    static PatternError invalid(int position) {
        return new PatternError(INVALID, position);
    }

    static PatternError invalidCharacters(String term, int position) {
        return new PatternError("Invalid character(s) in term '" + term + "'", position);
    }
}
