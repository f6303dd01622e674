package io.watchpost.logs.filter;

import io.watchpost.logs.filter.PatternTree.Condition;
import io.watchpost.logs.filter.PatternTree.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code [field, field, ...]}: each field is {@code ...} (any number of fields), a name (letters, digits,
 * underscores), a name with conditions on itself ({@code status = 4* && status != 403}, {@code w1=ERROR || w1=WARN};
 * {@code &&} binds tighter), or empty (an unnamed field, as in AWS's {@code [..., status_code=4*,]}).
 * A condition naming another field is refused: AWS answers "Invalid filter pattern" for its own former example
 * {@code status_code = 4* && bytes > 1000}.
 */
final class DelimitedPatternParser {
    static final int MAX_FIELDS = 200;
    private static final Field EMPTY = new PatternTree.Column(Optional.empty(), Optional.empty());

    private final Cursor in;
    private final ValueReader values;

    private DelimitedPatternParser(String pattern) {
        this.in = new Cursor(pattern, 1);
        this.values = new ValueReader(in);
    }

    /** {@code pattern} is trimmed, starts with a bracket and ends with one. */
    static PatternTree.Delimited parse(String pattern) {
        DelimitedPatternParser parser = new DelimitedPatternParser(pattern);
        List<Field> fields = new ArrayList<>();
        while (true) {
            fields.add(parser.field());
            if (fields.size() > MAX_FIELDS) {
                throw PatternError.invalid(parser.in.pos);
            }
            parser.in.skipSpaces();
            if (parser.in.eat(",")) {
                continue;
            }
            if (parser.in.pos == pattern.length() - 1) {
                if (fields.size() == 1 && fields.get(0).equals(EMPTY)) {
                    // "[]": AWS accepts it (recorded for subscription filters); it constrains no field.
                    return new PatternTree.Delimited(List.of(new PatternTree.Ellipsis()));
                }
                return new PatternTree.Delimited(fields);
            }
            throw parser.in.unexpected();
        }
    }

    private Field field() {
        in.skipSpaces();
        int start = in.pos;
        if (in.eat("...")) {
            if (atFieldEnd()) {
                return new PatternTree.Ellipsis();
            }
            throw badName(start);
        }
        while (Terms.isTermChar(in.peek())) {
            in.pos++;
        }
        String name = in.src.substring(start, in.pos);
        in.skipSpaces();
        if (atFieldEnd()) {
            return new PatternTree.Column(name.isEmpty() ? Optional.empty() : Optional.of(name), Optional.empty());
        }
        if (name.isEmpty() || !isOperatorStart(in.peek())) {
            throw name.isEmpty() ? in.unexpected() : badName(start);
        }
        in.pos = start;
        return new PatternTree.Column(Optional.of(name), Optional.of(anyOf(name)));
    }

    private Condition anyOf(String name) {
        Condition left = allOf(name);
        while (true) {
            in.skipSpaces();
            if (!in.eat("||")) {
                return left;
            }
            left = new PatternTree.AnyOf(left, allOf(name));
        }
    }

    private Condition allOf(String name) {
        Condition left = test(name);
        while (true) {
            in.skipSpaces();
            if (!in.eat("&&")) {
                return left;
            }
            left = new PatternTree.AllOf(left, test(name));
        }
    }

    private Condition test(String name) {
        in.skipSpaces();
        int start = in.pos;
        while (Terms.isTermChar(in.peek())) {
            in.pos++;
        }
        if (!in.src.substring(start, in.pos).equals(name)) {
            throw PatternError.invalid(start);
        }
        PatternTree.Op op = values.operator();
        return new PatternTree.Test(op, values.value(op));
    }

    private boolean atFieldEnd() {
        in.skipSpaces();
        return in.peek() == ',' || in.pos == in.src.length() - 1;
    }

    private static boolean isOperatorStart(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    /** AWS reports the whole field name, e.g. {@code Invalid character(s) in term '...fields'}. */
    private PatternError badName(int start) {
        int end = start;
        while (end < in.src.length() - 1 && in.src.charAt(end) != ',' && !Character.isWhitespace(in.src.charAt(end))
                && !isOperatorStart(in.src.charAt(end))) {
            end++;
        }
        return PatternError.invalidCharacters(in.src.substring(start, end), start);
    }
}
