package io.watchpost.logs.filter;

/** A read position over a pattern, shared by the parsers of the three structured forms. Not thread-safe. */
final class Cursor {
    final String src;
    int pos;

    Cursor(String src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    void skipSpaces() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    boolean eat(String token) {
        if (src.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    /** Consumes a keyword (case-insensitive) only when a word boundary follows it. */
    boolean eatKeyword(String keyword) {
        int end = pos + keyword.length();
        if (src.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end >= src.length() || !Character.isLetterOrDigit(src.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    /**
     * The error AWS gives for an unexpected token: the run of characters from here up to the next space (or quote,
     * after the first character), as in {@code Invalid character(s) in term ','}.
     */
    PatternError unexpected() {
        if (atEnd() || Terms.isTermChar(peek())) {
            return PatternError.invalid(pos);
        }
        int end = pos + 1;
        while (end < src.length() && !Character.isWhitespace(src.charAt(end)) && src.charAt(end) != '"'
                && !Terms.isTermChar(src.charAt(end))) {
            end++;
        }
        return PatternError.invalidCharacters(src.substring(pos, end), pos);
    }

    /** Reads a double-quoted string starting at the opening quote; {@code \"} and {@code \\} are escapes. */
    String quoted() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\\')) {
                c = src.charAt(pos++);
            }
            out.append(c);
        }
        throw PatternError.invalid(start);
    }
}
