package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.math.InsightsQuery.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses the Metrics Insights query language (the CloudWatch user guide's "Metrics Insights query components and
 * syntax"): keywords and function names in any case; names bare ({@code [A-Za-z0-9_]+}) or in double quotes
 * (needed for {@code "AWS/EC2"}); dimension values in single quotes; WHERE with {@code =}, {@code !=}, AND, OR
 * and parentheses. Errors carry the offset of the offending token, as the math language's do.
 */
final class InsightsParser {
    private record Token(String text, Kind kind, int position) {}

    private enum Kind { WORD, NAME, VALUE, SYMBOL, NUMBER, END }

    private final List<Token> tokens;
    private int next;

    private InsightsParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Whether an expression is a Metrics Insights query rather than metric math. */
    static boolean isQuery(String expression) {
        String trimmed = expression.stripLeading();
        return trimmed.length() > 6 && trimmed.substring(0, 6).equalsIgnoreCase("SELECT")
                && Character.isWhitespace(trimmed.charAt(6));
    }

    static InsightsQuery parse(String text) {
        InsightsParser parser = new InsightsParser(tokenize(text));
        InsightsQuery query = parser.query();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected();
        }
        return query;
    }

    private InsightsQuery query() {
        keyword("SELECT");
        String function = function();
        symbol("(");
        String metric = name();
        symbol(")");
        keyword("FROM");
        String namespace;
        Optional<List<String>> schema = Optional.empty();
        if (isKeyword("SCHEMA")) {
            next++;
            symbol("(");
            namespace = name();
            List<String> keys = new ArrayList<>();
            while (isSymbol(",")) {
                next++;
                keys.add(name());
            }
            symbol(")");
            schema = Optional.of(keys);
        } else {
            namespace = name();
        }
        Optional<Condition> where = Optional.empty();
        if (isKeyword("WHERE")) {
            next++;
            where = Optional.of(or());
        }
        List<String> groupBy = new ArrayList<>();
        if (isKeyword("GROUP")) {
            next++;
            keyword("BY");
            groupBy.add(name());
            while (isSymbol(",")) {
                next++;
                groupBy.add(name());
            }
        }
        Optional<Boolean> descending = Optional.empty();
        if (isKeyword("ORDER")) {
            next++;
            keyword("BY");
            String orderFunction = function();
            if (!orderFunction.equals(function)) {
                throw new MathException("ORDER BY must use the function the query selects (" + function + ")",
                        tokens.get(next - 1).position());
            }
            symbol("(");
            symbol(")");
            boolean desc = false;
            if (isKeyword("DESC")) {
                next++;
                desc = true;
            } else if (isKeyword("ASC")) {
                next++;
            }
            descending = Optional.of(desc);
        }
        OptionalInt limit = OptionalInt.empty();
        if (isKeyword("LIMIT")) {
            next++;
            Token n = take();
            int value;
            try {
                value = n.kind() == Kind.NUMBER ? Integer.parseInt(n.text()) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > SearchExecutor.MAX_SERIES) {
                throw new MathException("LIMIT must be a whole number from 1 to " + SearchExecutor.MAX_SERIES,
                        n.position());
            }
            limit = OptionalInt.of(value);
        }
        return new InsightsQuery(function, metric, namespace, schema, where, groupBy, descending, limit);
    }

    private Condition or() {
        Condition left = and();
        while (isKeyword("OR")) {
            next++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = atom();
        while (isKeyword("AND")) {
            next++;
            left = new Condition.And(left, atom());
        }
        return left;
    }

    private Condition atom() {
        if (isSymbol("(")) {
            next++;
            Condition inner = or();
            symbol(")");
            return inner;
        }
        String key = name();
        Token op = take();
        if (op.kind() != Kind.SYMBOL || !(op.text().equals("=") || op.text().equals("!="))) {
            throw new MathException("Expected = or != after " + key + " but found '" + op.text() + "'",
                    op.position());
        }
        Token value = take();
        if (value.kind() != Kind.VALUE) {
            throw new MathException("Dimension values are quoted with single quotes: '" + value.text() + "'",
                    value.position());
        }
        return new Condition.Compare(key, op.text().equals("="), value.text());
    }

    private String function() {
        Token t = take();
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (t.kind() != Kind.WORD || !InsightsQuery.FUNCTIONS.contains(upper)) {
            throw new MathException("Unsupported function '" + t.text() + "'. Use one of "
                    + String.join(", ", InsightsQuery.FUNCTIONS), t.position());
        }
        return upper;
    }

    private String name() {
        Token t = take();
        if (t.kind() != Kind.WORD && t.kind() != Kind.NAME) {
            throw new MathException("Expected a name but found '" + t.text() + "'", t.position());
        }
        return t.text();
    }

    private void keyword(String word) {
        Token t = take();
        if (t.kind() != Kind.WORD || !t.text().equalsIgnoreCase(word)) {
            throw new MathException("Expected " + word + " but found '" + t.text() + "'", t.position());
        }
    }

    private void symbol(String symbol) {
        Token t = take();
        if (t.kind() != Kind.SYMBOL || !t.text().equals(symbol)) {
            throw new MathException("Expected '" + symbol + "' but found '" + t.text() + "'", t.position());
        }
    }

    private boolean isKeyword(String word) {
        Token t = peek();
        return t.kind() == Kind.WORD && t.text().equalsIgnoreCase(word);
    }

    private boolean isSymbol(String symbol) {
        Token t = peek();
        return t.kind() == Kind.SYMBOL && t.text().equals(symbol);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private MathException unexpected() {
        Token t = peek();
        return new MathException("Unexpected '" + t.text() + "'", t.position());
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new MathException("Unterminated quoted text", i);
                }
                out.add(new Token(text.substring(i + 1, close), c == '"' ? Kind.NAME : Kind.VALUE, i));
                i = close + 1;
            } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                out.add(new Token("!=", Kind.SYMBOL, i));
                i += 2;
            } else if ("(),=".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), Kind.SYMBOL, i));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                out.add(new Token(word, word.chars().allMatch(Character::isDigit) ? Kind.NUMBER : Kind.WORD, start));
            } else {
                throw new MathException("Unexpected character '" + c + "'", i);
            }
        }
        out.add(new Token("end of query", Kind.END, text.length()));
        return out;
    }
}
