package io.watchpost.logs.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Reads a {@code %...%} expression and checks it against the subset AWS supports ("Supported regular expressions
 * (regex) syntax", CloudWatch Logs User Guide): letters and digits; the symbols {@code : _ # = @ / ; , -} (and
 * spaces, which AWS accepts in practice, e.g. {@code %Task timed out after|^REPORT\s.+\sStatus: timeout%}); the
 * operators {@code ^ $ ? [ ] { } | \ * + .}. Parentheses are not supported (no sub-patterns), nor are multi-byte
 * characters. A backslash escapes an operator or forms one of the classes {@code \d \D \s \S \w \W}.
 */
final class RegexParser {
    private static final String SYMBOLS = ":_#=@/;,- ";
    private static final String OPERATORS = "^$?[]{}|*+.";
    private static final String CLASS_ESCAPES = "dDsSwWtnr";

    private RegexParser() {}

    /** Reads from the opening {@code %} to the closing one (a {@code \%} does not close). */
    static RegexValue read(Cursor in) {
        int start = in.pos;
        in.pos++;
        while (!in.atEnd() && in.peek() != '%') {
            in.pos += in.peek() == '\\' ? 2 : 1;
        }
        if (in.atEnd()) {
            throw PatternError.invalid(start);
        }
        in.pos++;
        return compile(in.src.substring(start, in.pos), start);
    }

    static RegexValue compile(String written, int position) {
        String body = written.substring(1, written.length() - 1);
        if (body.isEmpty()) {
            throw PatternError.invalid(position);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                checkEscape(body, i, position);
                i++;
            } else if (!allowed(c)) {
                throw PatternError.invalidCharacters(String.valueOf(c), position + 1 + i);
            }
        }
        try {
            return new RegexValue(written, Pattern.compile(body));
        } catch (PatternSyntaxException e) {
            throw PatternError.invalid(position);
        }
    }

    private static void checkEscape(String body, int i, int position) {
        if (i + 1 >= body.length()) {
            throw PatternError.invalid(position + 1 + i);
        }
        char next = body.charAt(i + 1);
        boolean ok = next == '%' || next == '\\' || OPERATORS.indexOf(next) >= 0 || CLASS_ESCAPES.indexOf(next) >= 0
                || (next < 128 && !Character.isLetterOrDigit(next));
        if (!ok) {
            throw PatternError.invalidCharacters("\\" + next, position + 1 + i);
        }
    }

    private static boolean allowed(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || SYMBOLS.indexOf(c) >= 0 || OPERATORS.indexOf(c) >= 0;
    }
}
