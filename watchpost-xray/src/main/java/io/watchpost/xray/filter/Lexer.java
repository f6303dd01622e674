package io.watchpost.xray.filter;

import io.watchpost.xray.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Words may contain dots ({@code http.url}, {@code rootcause.fault.service}); an
 * annotation key in brackets ({@code annotation[my.key]}) stays part of its word. {@code &&}, {@code ||} and the
 * words {@code AND}/{@code OR} become AND/OR tokens; {@code #} starts a JSON literal that runs to its balanced end.
 */
final class Lexer {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
                pos++;
            }
            if (pos >= source.length()) {
                tokens.add(new Token(Kind.END, "", pos));
                return;
            }
            tokens.add(next(source.charAt(pos)));
        }
    }

    private Token next(char c) {
        int start = pos;
        switch (c) {
            case '(': return single(Kind.LPAREN, start);
            case ')': return single(Kind.RPAREN, start);
            case '{': return single(Kind.LBRACE, start);
            case '}': return single(Kind.RBRACE, start);
            case ',': return single(Kind.COMMA, start);
            case ':': return single(Kind.COLON, start);
            case '"': return string(start);
            case '#': return json(start);
            case '&': return pair('&', Kind.AND, start);
            case '|': return pair('|', Kind.OR, start);
            case '!': return peek(1) == '=' ? advance(Kind.OP, 2, start) : single(Kind.NOT, start);
            case '=': return single(Kind.OP, start);
            case '<', '>': return advance(Kind.OP, peek(1) == '=' ? 2 : 1, start);
            default: break;
        }
        if (Character.isDigit(c) || (c == '-' || c == '.') && Character.isDigit(peek(1))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            return word(start);
        }
        throw FilterErrors.at(start, "Unexpected character \"" + c + "\"");
    }

    private char peek(int offset) {
        int at = pos + offset;
        return at < source.length() ? source.charAt(at) : '\0';
    }

    private Token single(Kind kind, int start) {
        return advance(kind, 1, start);
    }

    private Token advance(Kind kind, int length, int start) {
        pos += length;
        return new Token(kind, source.substring(start, pos), start);
    }

    private Token pair(char c, Kind kind, int start) {
        if (peek(1) != c) {
            throw FilterErrors.at(start, "Unexpected character \"" + c + "\"");
        }
        return advance(kind, 2, start);
    }

    private Token string(int start) {
        StringBuilder text = new StringBuilder();
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == '"') {
                return new Token(Kind.STRING, text.toString(), start);
            }
            if (c == '\\' && pos < source.length()) {
                c = source.charAt(pos++);
            }
            text.append(c);
        }
        throw FilterErrors.at(start, "Unterminated string");
    }

    private Token number(int start) {
        pos++;
        while (pos < source.length() && (Character.isLetterOrDigit(peek(0)) || peek(0) == '.'
                || (peek(0) == '-' || peek(0) == '+') && (source.charAt(pos - 1) | 0x20) == 'e')) {
            pos++;
        }
        String text = source.substring(start, pos);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw FilterErrors.at(start, "Invalid number \"" + text + "\"");
        }
        if (text.endsWith("d") || text.endsWith("D") || text.endsWith("f") || text.endsWith("F")) {
            throw FilterErrors.at(start, "Invalid number \"" + text + "\"");
        }
        return new Token(Kind.NUMBER, text, start);
    }

    private Token word(int start) {
        while (pos < source.length()) {
            char c = peek(0);
            if (c == '[') {
                int close = source.indexOf(']', pos);
                if (close < 0) {
                    throw FilterErrors.at(pos, "Unterminated \"[\"");
                }
                pos = close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        String text = source.substring(start, pos);
        if (text.equalsIgnoreCase("and")) {
            return new Token(Kind.AND, text, start);
        }
        if (text.equalsIgnoreCase("or")) {
            return new Token(Kind.OR, text, start);
        }
        return new Token(Kind.WORD, text, start);
    }

    /** A JSON literal after {@code #}: balanced brackets and braces, strings respected. */
    private Token json(int start) {
        pos++;
        int depth = 0;
        boolean inString = false;
        int from = pos;
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (inString) {
                if (c == '\\') {
                    pos++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (--depth == 0) {
                    return new Token(Kind.JSON, source.substring(from, pos), start);
                }
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                break;
            }
        }
        throw FilterErrors.at(start, "Invalid JSON literal");
    }
}
