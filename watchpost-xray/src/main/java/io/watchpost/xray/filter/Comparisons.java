package io.watchpost.xray.filter;

import io.watchpost.xray.filter.Token.Kind;
import java.util.Locale;

/** Type-checks {@code keyword op value} and builds its node: each keyword type has its operators and values. */
final class Comparisons {
    private Comparisons() {
    }

    static Op op(Token token) {
        return switch (token.text().toUpperCase(Locale.ROOT)) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            case "CONTAINS" -> Op.CONTAINS;
            case "BEGINSWITH" -> Op.BEGINSWITH;
            case "ENDSWITH" -> Op.ENDSWITH;
            default -> throw FilterErrors.at(token.position(), "Unknown operator " + token.describe());
        };
    }

    static <C> Node<C> compare(Field<C> field, Token opToken, Token value) {
        Op op = op(opToken);
        return switch (field) {
            case Field.Bool<C> bool -> {
                requireOp(field, opToken, op == Op.EQ || op == Op.NE, "boolean");
                boolean expected = bool(value).orElseThrow(() -> mismatch(field, value, "true or false"));
                yield new Node.BoolIs<>(bool, op == Op.EQ == expected);
            }
            case Field.Num<C> num -> {
                requireOp(field, opToken, op.numeric(), "number");
                if (!value.is(Kind.NUMBER)) {
                    throw mismatch(field, value, "a number");
                }
                yield new Node.NumCompare<>(num, op, Double.parseDouble(value.text()));
            }
            case Field.Text<C> text -> {
                requireOp(field, opToken, op.forText(), "string");
                if (value.is(Kind.NUMBER)) {
                    throw mismatch(field, value, "a string");
                }
                yield new Node.TextCompare<>(text, op, value.text());
            }
        };
    }

    /** An annotation compared with a literal: the literal's type chooses the operators allowed. */
    static Node<TraceFacts> annotation(String key, Token opToken, Token value) {
        Op op = op(opToken);
        Literal literal;
        if (value.is(Kind.NUMBER)) {
            literal = new Literal.Num(Double.parseDouble(value.text()));
            requireOp("annotation." + key, opToken, op.numeric(), "number");
        } else if (value.is(Kind.WORD) && bool(value).isPresent()) {
            literal = new Literal.Bool(bool(value).get());
            requireOp("annotation." + key, opToken, op == Op.EQ || op == Op.NE, "boolean");
        } else {
            literal = new Literal.Text(value.text());
            requireOp("annotation." + key, opToken, op.forText(), "string");
        }
        return new Node.Annotation(key, java.util.Optional.of(op), literal);
    }

    private static java.util.Optional<Boolean> bool(Token value) {
        if (value.is(Kind.WORD) || value.is(Kind.STRING)) {
            if (value.text().equalsIgnoreCase("true")) {
                return java.util.Optional.of(true);
            }
            if (value.text().equalsIgnoreCase("false")) {
                return java.util.Optional.of(false);
            }
        }
        return java.util.Optional.empty();
    }

    private static void requireOp(Field<?> field, Token opToken, boolean allowed, String type) {
        requireOp(field.name(), opToken, allowed, type);
    }

    private static void requireOp(String keyword, Token opToken, boolean allowed, String type) {
        if (!allowed) {
            throw FilterErrors.at(opToken.position(), "Operator " + opToken.text().toUpperCase(Locale.ROOT)
                    + " cannot be applied to " + type + " keyword \"" + keyword + "\"");
        }
    }

    private static io.watchpost.core.AwsException mismatch(Field<?> field, Token value, String expected) {
        return FilterErrors.at(value.position(),
                "Keyword \"" + field.name() + "\" expects " + expected + " but found " + value.describe());
    }
}
