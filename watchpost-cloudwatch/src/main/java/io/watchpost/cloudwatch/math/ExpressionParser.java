package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for metric math. Precedence, loosest first: {@code OR ||}, {@code AND &&}, comparisons
 * ({@code == != < <= > >=}), {@code + -}, {@code * /}, unary minus, {@code ^} (right-associative, so
 * {@code -2^2} is -4). Input is bounded before any work: at most {@value #MAX_LENGTH} characters (the model's limit
 * for {@code Expression}) and {@value #MAX_DEPTH} levels of nesting.
 */
final class ExpressionParser {
    static final int MAX_LENGTH = 2048;
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new MathException("Expression is longer than " + MAX_LENGTH + " characters", 0);
        }
        if (text.isBlank()) {
            throw new MathException("Expression is empty", 0);
        }
        ExpressionParser parser = new ExpressionParser(Lexer.tokenize(text));
        Expr expr = parser.or();
        Token rest = parser.peek();
        if (!rest.is(Token.Type.END)) {
            throw new MathException("Unexpected '" + rest.text() + "'", rest.position());
        }
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (peek().is(Token.Type.OR)) {
            Token op = advance();
            left = new Expr.Binary(Op.OR, left, and(), op.position());
        }
        return left;
    }

    private Expr and() {
        Expr left = comparison();
        while (peek().is(Token.Type.AND)) {
            Token op = advance();
            left = new Expr.Binary(Op.AND, left, comparison(), op.position());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            Op op = switch (peek().type()) {
                case EQ -> Op.EQ;
                case NE -> Op.NE;
                case LT -> Op.LT;
                case LE -> Op.LE;
                case GT -> Op.GT;
                case GE -> Op.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            Token token = advance();
            left = new Expr.Binary(op, left, additive(), token.position());
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is(Token.Type.PLUS) || peek().is(Token.Type.MINUS)) {
            Token token = advance();
            Op op = token.is(Token.Type.PLUS) ? Op.ADD : Op.SUB;
            left = new Expr.Binary(op, left, multiplicative(), token.position());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is(Token.Type.STAR) || peek().is(Token.Type.SLASH)) {
            Token token = advance();
            Op op = token.is(Token.Type.STAR) ? Op.MUL : Op.DIV;
            left = new Expr.Binary(op, left, unary(), token.position());
        }
        return left;
    }

    private Expr unary() {
        if (peek().is(Token.Type.MINUS)) {
            Token minus = advance();
            enter(minus);
            Expr operand = unary();
            depth--;
            return new Expr.Negate(operand, minus.position());
        }
        if (peek().is(Token.Type.PLUS)) {
            advance();
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (peek().is(Token.Type.CARET)) {
            Token caret = advance();
            enter(caret);
            Expr exponent = unary();
            depth--;
            return new Expr.Binary(Op.POW, base, exponent, caret.position());
        }
        return base;
    }

    private Expr primary() {
        Token token = advance();
        return switch (token.type()) {
            case NUMBER -> new Expr.Num(Double.parseDouble(token.text()), token.position());
            case STRING -> new Expr.Str(token.text(), token.position());
            case IDENT -> new Expr.Ref(token.text(), token.position());
            case WORD -> peek().is(Token.Type.LPAREN) ? call(token) : new Expr.Word(token.text(), token.position());
            case LPAREN -> group(token);
            case LBRACKET -> array(token);
            case END -> throw new MathException("Unexpected end of expression", token.position());
            default -> throw new MathException("Unexpected '" + token.text() + "'", token.position());
        };
    }

    private Expr group(Token open) {
        enter(open);
        Expr inner = or();
        expect(Token.Type.RPAREN, ")");
        depth--;
        return inner;
    }

    private Expr call(Token name) {
        Token open = advance();
        enter(open);
        List<Expr> args = new ArrayList<>();
        if (!peek().is(Token.Type.RPAREN)) {
            args.add(or());
            while (peek().is(Token.Type.COMMA)) {
                advance();
                args.add(or());
            }
        }
        expect(Token.Type.RPAREN, ")");
        depth--;
        return new Expr.Call(name.text(), args, name.position());
    }

    private Expr array(Token open) {
        enter(open);
        List<Expr> elements = new ArrayList<>();
        if (!peek().is(Token.Type.RBRACKET)) {
            elements.add(or());
            while (peek().is(Token.Type.COMMA)) {
                advance();
                elements.add(or());
            }
        }
        expect(Token.Type.RBRACKET, "]");
        depth--;
        return new Expr.Array(elements, open.position());
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new MathException("Expression is nested deeper than " + MAX_DEPTH + " levels", token.position());
        }
    }

    private void expect(Token.Type type, String text) {
        Token token = advance();
        if (!token.is(type)) {
            String found = token.is(Token.Type.END) ? "end of expression" : "'" + token.text() + "'";
            throw new MathException("Expected '" + text + "' but found " + found, token.position());
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token advance() {
        Token token = tokens.get(at);
        if (!token.is(Token.Type.END)) {
            at++;
        }
        return token;
    }
}
