package io.watchpost.xray.filter;

import io.watchpost.xray.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recursive-descent parser from tokens to the typed tree. Grammar (keywords and operators ignore case):
 * <pre>
 * or      := and (("OR" | "||") and)*
 * and     := unary (("AND" | "&&")? unary)*        juxtaposition is AND: {@code ok !partial duration < 3}
 * unary   := "!" unary | "(" or ")" | term
 * term    := keyword [op value] | annotation.key [op value] | annotation[key] [op value]
 *          | service "(" [selector] ")" ["{" or "}"] | edge "(" selector "," selector ")" ["{" or "}"]
 *          | rootcause.(fault|error|responsetime).(service|entity|exception) ["{" or "}"]
 *          | rootcause[.(fault|error|responsetime)].json "=" "#" json
 * selector:= string | id "(" (name|type|account.id) ":" string ("," ...)* ")"
 * </pre>
 * Keywords are resolved against the {@link Scope} of their context, so type errors surface here, not at run time.
 */
final class Parser {
    static final int MAX_DEPTH = 32;

    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node<TraceFacts> parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source));
        Node<TraceFacts> root = parser.or(Scope.TRACE);
        parser.expectEnd();
        return root;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        Token token = tokens.get(next);
        if (!token.is(Kind.END)) {
            next++;
        }
        return token;
    }

    Token expect(Kind kind, String what) {
        Token token = peek();
        if (!token.is(kind)) {
            throw unexpected(token, what);
        }
        return take();
    }

    static io.watchpost.core.AwsException unexpected(Token token, String expected) {
        return FilterErrors.at(token.position(), "Expected " + expected + " but found " + token.describe());
    }

    private void expectEnd() {
        Token token = peek();
        if (!token.is(Kind.END)) {
            throw FilterErrors.at(token.position(), "Unexpected " + token.describe());
        }
    }

    <C> Node<C> or(Scope<C> scope) {
        List<Node<C>> terms = new ArrayList<>();
        terms.add(and(scope));
        while (peek().is(Kind.OR)) {
            take();
            terms.add(and(scope));
        }
        return terms.size() == 1 ? terms.getFirst() : new Node.Or<>(terms);
    }

    private <C> Node<C> and(Scope<C> scope) {
        List<Node<C>> terms = new ArrayList<>();
        terms.add(unary(scope));
        while (true) {
            Token token = peek();
            if (token.is(Kind.AND)) {
                take();
            } else if (!token.is(Kind.WORD) && !token.is(Kind.NOT) && !token.is(Kind.LPAREN)) {
                break;
            }
            terms.add(unary(scope));
        }
        return terms.size() == 1 ? terms.getFirst() : new Node.And<>(terms);
    }

    private <C> Node<C> unary(Scope<C> scope) {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw FilterErrors.at(token.position(), "Expression nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (token.is(Kind.NOT)) {
                take();
                return new Node.Not<>(unary(scope));
            }
            if (token.is(Kind.LPAREN)) {
                take();
                Node<C> inner = or(scope);
                expect(Kind.RPAREN, "\")\"");
                return inner;
            }
            if (!token.is(Kind.WORD)) {
                throw unexpected(token, "a keyword");
            }
            return term(scope);
        } finally {
            depth--;
        }
    }

    private <C> Node<C> term(Scope<C> scope) {
        Token word = take();
        String lower = word.text().toLowerCase(Locale.ROOT);
        if (scope == Scope.TRACE) {
            @SuppressWarnings("unchecked") // scope identity proves C is TraceFacts
            Node<C> complex = (Node<C>) Complex.term(this, word, lower);
            if (complex != null) {
                return complex;
            }
        } else if (Complex.isComplex(lower)) {
            throw FilterErrors.at(word.position(),
                    "Keyword \"" + word.text() + "\" cannot be used inside a " + scope.description() + " filter");
        }
        Field<C> field = scope.field(lower).orElseThrow(() -> FilterErrors.at(word.position(),
                "Unknown keyword \"" + word.text() + "\"" + (scope == Scope.TRACE ? "" : " in a " + scope.description()
                        + " filter")));
        Optional<Token> op = operator();
        if (op.isEmpty()) {
            return new Node.Present<>(field);
        }
        return Comparisons.compare(field, op.get(), value());
    }

    /** The comparison operator after a keyword, if any. */
    Optional<Token> operator() {
        Token token = peek();
        if (token.is(Kind.OP) || token.isWord("contains") || token.isWord("beginswith") || token.isWord("endswith")) {
            return Optional.of(take());
        }
        return Optional.empty();
    }

    /** The value after an operator: a string, a number, or a bare word (true, false, or unquoted text). */
    Token value() {
        Token token = peek();
        if (token.is(Kind.STRING) || token.is(Kind.NUMBER) || token.is(Kind.WORD)) {
            return take();
        }
        throw unexpected(token, "a value");
    }

    /** A filter in braces after a complex keyword, parsed in {@code scope}; absent braces mean "any". */
    <C> Node<C> braces(Scope<C> scope) {
        if (!peek().is(Kind.LBRACE)) {
            return new Node.Always<>(true);
        }
        Token open = take();
        if (++depth > MAX_DEPTH) {
            throw FilterErrors.at(open.position(), "Expression nested deeper than " + MAX_DEPTH + " levels");
        }
        if (peek().is(Kind.RBRACE)) {
            take();
            depth--;
            return new Node.Always<>(true);
        }
        Node<C> inner = or(scope);
        expect(Kind.RBRACE, "\"}\"");
        depth--;
        return inner;
    }
}
