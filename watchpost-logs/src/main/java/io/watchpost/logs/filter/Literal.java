package io.watchpost.logs.filter;

import static java.util.Objects.requireNonNull;

/**
 * A literal right-hand side, quoted or not. A {@code *} at the start or the end is a wildcard ({@code *Event},
 * {@code Event*}, {@code *html*}, {@code *}); AWS documents that one in the middle is literal ("Ev*ent will only
 * match the actual string Ev*ent"). An unquoted literal that reads as a number also compares numerically.
 *
 * @param written the literal as written in the pattern (quotes included), for error messages
 * @param text the literal without quotes and escapes
 * @param number the value when unquoted and numeric, else NaN
 */
record Literal(String written, String text, boolean quoted, double number, String core, boolean leading,
        boolean trailing) implements PatternTree.Value {
    Literal {
        requireNonNull(written, "written is null");
        requireNonNull(text, "text is null");
        requireNonNull(core, "core is null");
    }

    static Literal of(String written, String text, boolean quoted) {
        double number = quoted ? Double.NaN : Numbers.parse(text, 0, text.length());
        int length = text.length();
        boolean leading = length > 0 && text.charAt(0) == '*';
        boolean trailing = length > 1 && text.charAt(length - 1) == '*';
        String core = text.substring(leading ? 1 : 0, trailing ? length - 1 : length);
        return new Literal(written, text, quoted, number, core, leading, trailing);
    }

    boolean numeric() {
        return !Double.isNaN(number);
    }

    /** Whether {@code s[from, to)} equals this literal, honouring the leading and trailing wildcards. */
    boolean matchesText(CharSequence s, int from, int to) {
        int span = to - from;
        int count = core.length();
        if (leading && trailing) {
            return contains(s, from, to);
        }
        if (leading) {
            return span >= count && regionEquals(s, to - count);
        }
        if (trailing) {
            return span >= count && regionEquals(s, from);
        }
        return span == count && regionEquals(s, from);
    }

    private boolean regionEquals(CharSequence s, int at) {
        if (s instanceof String string) {
            return string.startsWith(core, at);
        }
        for (int i = 0; i < core.length(); i++) {
            if (s.charAt(at + i) != core.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(CharSequence s, int from, int to) {
        if (s instanceof String string) {
            int at = string.indexOf(core, from);
            return at >= 0 && at + core.length() <= to;
        }
        for (int at = from; at + core.length() <= to; at++) {
            if (regionEquals(s, at)) {
                return true;
            }
        }
        return false;
    }
}
