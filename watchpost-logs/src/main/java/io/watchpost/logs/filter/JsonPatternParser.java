package io.watchpost.logs.filter;

import io.watchpost.logs.filter.PatternTree.JsonExpr;

/**
 * Parses {@code { expr }}: comparisons of a selector with {@code = != < > <= >=}, {@code IS NULL},
 * {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}, combined with {@code &&} (binds tighter) and {@code ||}
 * and grouped by parentheses, nested at most {@value #MAX_DEPTH} deep.
 */
final class JsonPatternParser {
    static final int MAX_DEPTH = 32;

    private final Cursor in;
    private final ValueReader values;

    private JsonPatternParser(String pattern) {
        this.in = new Cursor(pattern, 1);
        this.values = new ValueReader(in);
    }

    /** {@code pattern} is trimmed, starts with a brace and ends with one. */
    static PatternTree.Json parse(String pattern) {
        JsonPatternParser parser = new JsonPatternParser(pattern);
        JsonExpr expr = parser.or(0);
        parser.in.skipSpaces();
        if (parser.in.pos != pattern.length() - 1) {
            throw parser.in.unexpected();
        }
        return new PatternTree.Json(expr);
    }

    private JsonExpr or(int depth) {
        JsonExpr left = and(depth);
        while (true) {
            in.skipSpaces();
            if (!in.eat("||")) {
                return left;
            }
            left = new PatternTree.Or(left, and(depth));
        }
    }

    private JsonExpr and(int depth) {
        JsonExpr left = primary(depth);
        while (true) {
            in.skipSpaces();
            if (!in.eat("&&")) {
                return left;
            }
            left = new PatternTree.And(left, primary(depth));
        }
    }

    private JsonExpr primary(int depth) {
        in.skipSpaces();
        if (in.eat("(")) {
            if (depth >= MAX_DEPTH) {
                throw PatternError.invalid(in.pos);
            }
            JsonExpr inner = or(depth + 1);
            in.skipSpaces();
            if (!in.eat(")")) {
                throw in.atEnd() || in.pos == in.src.length() - 1 ? PatternError.invalid(in.pos) : in.unexpected();
            }
            return inner;
        }
        if (in.peek() == '$') {
            return comparison();
        }
        throw in.peek() == '}' || in.atEnd() ? PatternError.invalid(in.pos) : in.unexpected();
    }

    private JsonExpr comparison() {
        JsonSelector selector = JsonSelector.parse(in);
        in.skipSpaces();
        if (in.eatKeyword("IS")) {
            in.skipSpaces();
            if (in.eatKeyword("NULL")) {
                return new PatternTree.IsNull(selector);
            }
            if (in.eatKeyword("TRUE")) {
                return new PatternTree.IsBoolean(selector, true);
            }
            if (in.eatKeyword("FALSE")) {
                return new PatternTree.IsBoolean(selector, false);
            }
            throw PatternError.invalid(in.pos);
        }
        if (in.eatKeyword("NOT")) {
            in.skipSpaces();
            if (in.eatKeyword("EXISTS")) {
                return new PatternTree.NotExists(selector);
            }
            throw PatternError.invalid(in.pos);
        }
        PatternTree.Op op = values.operator();
        return new PatternTree.Compare(selector, op, values.value(op));
    }
}
