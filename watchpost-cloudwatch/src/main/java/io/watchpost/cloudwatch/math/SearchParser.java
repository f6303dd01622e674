package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the first argument of SEARCH(): {@code [{Namespace, Dim, ...}] [term]}, where a term combines words with
 * {@code AND} (also implied by juxtaposition), {@code OR}, {@code NOT} and parentheses; a word is bare (partial
 * match) or double-quoted (exact; {@code \" \\ \( \)} escaped), optionally preceded by {@code Property=}.
 * Operators are case-sensitive. At most {@value #MAX_LENGTH} characters; positions are reported relative to the
 * enclosing expression ({@code offset}).
 */
final class SearchParser {
    static final int MAX_LENGTH = 1024;
    private static final int MAX_DEPTH = 32;
    private static final String SPECIAL = "{}(),=\"";

    private final String text;
    private final int offset;
    private int at;
    private int depth;

    private SearchParser(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    static SearchQuery parse(String text, int offset) {
        if (text.length() > MAX_LENGTH) {
            throw new MathException("Search expression is longer than " + MAX_LENGTH + " characters", offset);
        }
        SearchParser parser = new SearchParser(text, offset);
        Optional<SearchQuery.Schema> schema = parser.schema();
        parser.skipSeparators();
        Optional<SearchQuery.Term> term = parser.atEnd() ? Optional.empty() : Optional.of(parser.or());
        parser.skipSeparators();
        if (!parser.atEnd()) {
            throw parser.error("Unexpected '" + text.charAt(parser.at) + "' in search expression");
        }
        if (schema.isEmpty() && term.isEmpty()) {
            throw new MathException("Search expression must contain a metric schema or a search term", offset);
        }
        return new SearchQuery(schema, term);
    }

    private Optional<SearchQuery.Schema> schema() {
        skipSpace();
        if (atEnd() || text.charAt(at) != '{') {
            return Optional.empty();
        }
        at++;
        List<String> names = new ArrayList<>();
        do {
            skipSpace();
            String name = peekIs('"') ? quoted() : bare();
            if (name.isEmpty()) {
                throw error("Expected a namespace or dimension name in the metric schema");
            }
            names.add(name.strip());
            skipSpace();
        } while (consume(','));
        if (!consume('}')) {
            throw error("Expected '}' to close the metric schema");
        }
        return Optional.of(new SearchQuery.Schema(names.getFirst(), names.subList(1, names.size())));
    }

    private SearchQuery.Term or() {
        List<SearchQuery.Term> terms = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            terms.add(and());
        }
        return terms.size() == 1 ? terms.getFirst() : new SearchQuery.Or(terms);
    }

    private SearchQuery.Term and() {
        List<SearchQuery.Term> terms = new ArrayList<>(List.of(not()));
        while (true) {
            skipSeparators();
            if (atEnd() || peekIs(')') || startsKeyword("OR")) {
                break;
            }
            keyword("AND");
            terms.add(not());
        }
        return terms.size() == 1 ? terms.getFirst() : new SearchQuery.And(terms);
    }

    private SearchQuery.Term not() {
        skipSeparators();
        if (keyword("NOT")) {
            return new SearchQuery.Not(not());
        }
        if (consume('(')) {
            if (++depth > MAX_DEPTH) {
                throw error("Search expression is nested too deeply");
            }
            SearchQuery.Term inner = or();
            skipSeparators();
            if (!consume(')')) {
                throw error("Expected ')' in search expression");
            }
            depth--;
            return inner;
        }
        return match();
    }

    private SearchQuery.Term match() {
        skipSeparators();
        if (peekIs('"')) {
            return new SearchQuery.Match(Optional.empty(), quoted(), true);
        }
        String word = bare();
        if (word.isEmpty()) {
            throw error(atEnd() ? "Unexpected end of search expression" : "Unexpected '" + text.charAt(at) + "' in search expression");
        }
        if (!consume('=')) {
            return new SearchQuery.Match(Optional.empty(), word, false);
        }
        if (peekIs('"')) {
            return new SearchQuery.Match(Optional.of(word), quoted(), true);
        }
        String value = bare();
        if (value.isEmpty()) {
            throw error("Expected a value after '" + word + "='");
        }
        return new SearchQuery.Match(Optional.of(word), value, false);
    }

    private String quoted() {
        int start = at++;
        StringBuilder value = new StringBuilder();
        while (!atEnd() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\' && !atEnd()) {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        if (atEnd()) {
            at = start;
            throw error("Unterminated quoted string in search expression");
        }
        at++;
        return value.toString();
    }

    private String bare() {
        int start = at;
        while (!atEnd() && !Character.isWhitespace(text.charAt(at)) && SPECIAL.indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private boolean keyword(String word) {
        skipSeparators();
        if (startsKeyword(word)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean startsKeyword(String word) {
        int end = at + word.length();
        return text.startsWith(word, at)
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private void skipSeparators() {
        while (!atEnd() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
            at++;
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (peekIs(c)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) {
        return !atEnd() && text.charAt(at) == c;
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private MathException error(String detail) {
        return new MathException(detail, offset + 1 + at);
    }
}
