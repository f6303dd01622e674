package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Ids start with a lowercase letter ({@code IDENT}); function names and keywords
 * are upper case ({@code WORD}); strings are single- or double-quoted (typographic double quotes as AWS's own
 * examples use them are accepted too); {@code AND}/{@code &&} and {@code OR}/{@code ||} are the logical operators.
 */
final class Lexer {
    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.is(Token.Type.END));
        return tokens;
    }

    private Token next() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length()) {
            return new Token(Token.Type.END, "", at + 1);
        }
        char c = text.charAt(at);
        int start = at;
        if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            return word(start);
        }
        if (c == '\'' || c == '"' || c == '\u201c' || c == '\u2018') {
            return string(start, c);
        }
        return symbol(start, c);
    }

    private Token number(int start) {
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int mark = at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (at < text.length() && Character.isDigit(text.charAt(at))) {
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            } else {
                at = mark;
            }
        }
        String literal = text.substring(start, at);
        if (literal.indexOf('.') != literal.lastIndexOf('.')) {
            throw new MathException("Invalid number '" + literal + "'", start + 1);
        }
        return new Token(Token.Type.NUMBER, literal, start + 1);
    }

    private Token word(int start) {
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String word = text.substring(start, at);
        if (word.equals("AND")) {
            return new Token(Token.Type.AND, word, start + 1);
        }
        if (word.equals("OR")) {
            return new Token(Token.Type.OR, word, start + 1);
        }
        boolean id = Character.isLowerCase(word.charAt(0));
        return new Token(id ? Token.Type.IDENT : Token.Type.WORD, word, start + 1);
    }

    private Token string(int start, char open) {
        char close = switch (open) {
            case '\u201c' -> '\u201d';
            case '\u2018' -> '\u2019';
            default -> open;
        };
        at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != close) {
            value.append(text.charAt(at++));
        }
        if (at >= text.length()) {
            throw new MathException("Unterminated string", start + 1);
        }
        at++;
        return new Token(Token.Type.STRING, value.toString(), start + 1);
    }

    private Token symbol(int start, char c) {
        String two = at + 1 < text.length() ? text.substring(at, at + 2) : "";
        Token.Type pair = switch (two) {
            case "==" -> Token.Type.EQ;
            case "!=" -> Token.Type.NE;
            case "<=" -> Token.Type.LE;
            case ">=" -> Token.Type.GE;
            case "&&" -> Token.Type.AND;
            case "||" -> Token.Type.OR;
            default -> null;
        };
        if (pair != null) {
            at += 2;
            return new Token(pair, two, start + 1);
        }
        Token.Type single = switch (c) {
            case '(' -> Token.Type.LPAREN;
            case ')' -> Token.Type.RPAREN;
            case '[' -> Token.Type.LBRACKET;
            case ']' -> Token.Type.RBRACKET;
            case ',' -> Token.Type.COMMA;
            case '+' -> Token.Type.PLUS;
            case '-' -> Token.Type.MINUS;
            case '*' -> Token.Type.STAR;
            case '/' -> Token.Type.SLASH;
            case '^' -> Token.Type.CARET;
            case '<' -> Token.Type.LT;
            case '>' -> Token.Type.GT;
            default -> throw new MathException("Unexpected character '" + c + "'", start + 1);
        };
        at++;
        return new Token(single, String.valueOf(c), start + 1);
    }
}
