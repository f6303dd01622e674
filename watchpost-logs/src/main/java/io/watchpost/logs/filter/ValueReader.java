package io.watchpost.logs.filter;

import io.watchpost.logs.filter.PatternTree.Op;
import io.watchpost.logs.filter.PatternTree.Value;

/**
 * Reads comparison operators and right-hand sides shared by JSON and space-delimited patterns, and counts regular
 * expressions: AWS allows at most {@value #MAX_REGEXES} in one JSON or space-delimited pattern.
 */
final class ValueReader {
    static final int MAX_REGEXES = 2;
    private static final String UNQUOTED_EXTRA = ".-_*+";
    private static final String TERMINATORS = "(){}[],&|\"";

    private final Cursor in;
    private int regexes;

    ValueReader(Cursor in) {
        this.in = in;
    }

    Op operator() {
        in.skipSpaces();
        if (in.eat("!=")) {
            return Op.NE;
        }
        if (in.eat("<=")) {
            return Op.LE;
        }
        if (in.eat(">=")) {
            return Op.GE;
        }
        if (in.eat("=")) {
            return Op.EQ;
        }
        if (in.eat("<")) {
            return Op.LT;
        }
        if (in.eat(">")) {
            return Op.GT;
        }
        throw in.unexpected();
    }

    /** The value after {@code op}; relational operators take only unquoted numbers. */
    Value value(Op op) {
        in.skipSpaces();
        int start = in.pos;
        Value value = switch (in.peek()) {
            case '"' -> {
                String text = in.quoted();
                yield Literal.of(in.src.substring(start, in.pos), text, true);
            }
            case '%' -> regex();
            default -> unquoted();
        };
        if (op.relational() && !(value instanceof Literal literal && literal.numeric())) {
            throw PatternError.invalidCharacters(written(value), start);
        }
        return value;
    }

    private RegexValue regex() {
        int start = in.pos;
        RegexValue regex = RegexParser.read(in);
        if (++regexes > MAX_REGEXES) {
            throw PatternError.invalid(start);
        }
        return regex;
    }

    private Literal unquoted() {
        int start = in.pos;
        while (!in.atEnd() && !Character.isWhitespace(in.peek()) && TERMINATORS.indexOf(in.peek()) < 0) {
            char c = in.peek();
            if (!Character.isLetterOrDigit(c) && UNQUOTED_EXTRA.indexOf(c) < 0) {
                throw in.unexpected();
            }
            in.pos++;
        }
        if (in.pos == start) {
            throw in.atEnd() || in.peek() == '}' || in.peek() == ']' || in.peek() == ')' || in.peek() == ','
                    ? PatternError.invalid(start) : in.unexpected();
        }
        String text = in.src.substring(start, in.pos);
        return Literal.of(text, text, false);
    }

    private static String written(Value value) {
        return switch (value) {
            case Literal literal -> literal.written();
            case RegexValue regex -> regex.written();
        };
    }
}
