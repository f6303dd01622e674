package io.watchpost.cloudwatch.alarms;

/**
 * Parses an AlarmRule into a {@link CompositeRule}: recursive descent over {@code or := and (OR and)*},
 * {@code and := unary (AND unary)*}, {@code unary := NOT unary | primary}, {@code primary := TRUE | FALSE |
 * ( or ) | STATE ( ref )}, where {@code ref} is a bare name or ARN (no spaces, parentheses or quotes) or a
 * double-quoted string. Bounded before work starts: at most {@value #MAX_LENGTH} characters and
 * {@value #MAX_DEPTH} levels of nesting. Errors carry the 0-based position.
 */
final class RuleParser {
    static final int MAX_LENGTH = 10_240;
    static final int MAX_DEPTH = 100;
    private static final String ARN_PREFIX = "arn:";

    /** A syntax error at {@code position}. */
    static final class RuleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int position;

        RuleException(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    private final String text;
    private int pos;
    private int depth;

    private RuleParser(String text) {
        this.text = text;
    }

    static CompositeRule parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new RuleException("AlarmRule is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        RuleParser p = new RuleParser(text);
        CompositeRule rule = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new RuleException("Unexpected '" + text.charAt(p.pos) + "'", p.pos);
        }
        return rule;
    }

    private CompositeRule or() {
        CompositeRule left = and();
        while (keyword("OR")) {
            left = new CompositeRule.Or(left, and());
        }
        return left;
    }

    private CompositeRule and() {
        CompositeRule left = unary();
        while (keyword("AND")) {
            left = new CompositeRule.And(left, unary());
        }
        return left;
    }

    private CompositeRule unary() {
        if (++depth > MAX_DEPTH) {
            throw new RuleException("AlarmRule is nested more than " + MAX_DEPTH + " levels deep", pos);
        }
        try {
            return keyword("NOT") ? new CompositeRule.Not(unary()) : primary();
        } finally {
            depth--;
        }
    }

    private CompositeRule primary() {
        skipSpace();
        int start = pos;
        if (keyword("TRUE")) {
            return new CompositeRule.Const(true);
        }
        if (keyword("FALSE")) {
            return new CompositeRule.Const(false);
        }
        if (peek('(')) {
            pos++;
            CompositeRule inner = or();
            expect(')');
            return inner;
        }
        for (String state : new String[] {"INSUFFICIENT_DATA", "ALARM", "OK"}) {
            if (text.startsWith(state, pos) && next(pos + state.length()) == '(') {
                pos += state.length();
                expect('(');
                String ref = reference();
                expect(')');
                return new CompositeRule.StateOf(state, name(ref));
            }
        }
        throw new RuleException(pos >= text.length() ? "Unexpected end of AlarmRule"
                : "Expected ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE, NOT or '(' but found '" + text.charAt(start)
                        + "'", start);
    }

    private String reference() {
        skipSpace();
        int start = pos;
        if (peek('"')) {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw new RuleException("Unterminated quoted alarm name", start);
            }
            pos = end + 1;
            String ref = text.substring(start + 1, end);
            if (ref.isEmpty()) {
                throw new RuleException("Empty alarm name", start);
            }
            return ref;
        }
        while (pos < text.length() && " \t\r\n()\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (pos == start) {
            throw new RuleException("Expected an alarm name or ARN", start);
        }
        return text.substring(start, pos);
    }

    /** An alarm ARN stands for the alarm it names (the account and region are the composite's own). */
    private static String name(String ref) {
        if (ref.startsWith(ARN_PREFIX)) {
            int at = ref.indexOf(":alarm:");
            if (at > 0) {
                return ref.substring(at + ":alarm:".length());
            }
        }
        return ref;
    }


    private boolean keyword(String word) {
        skipSpace();
        if (text.startsWith(word, pos)) {
            int end = pos + word.length();
            char after = end < text.length() ? text.charAt(end) : 0;
            if (after == 0 || after == '(' || after == ')' || Character.isWhitespace(after)) {
                pos += word.length();
                return true;
            }
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw new RuleException(pos >= text.length() ? "Expected '" + c + "' but the AlarmRule ended"
                    : "Expected '" + c + "' but found '" + text.charAt(pos) + "'", pos);
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private char next(int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? text.charAt(i) : 0;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
