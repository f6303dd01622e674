package io.watchpost.xray.traces;

import java.util.Optional;

/**
 * Recursive descent over an entity selector expression:
 * <pre>
 * selector := "service" "(" end ")" | "edge" "(" end "," end ")" | id
 * end      := string | id
 * id       := "id" "(" param ("," param)* ")"       param := ("name" | "type" | "account.id") ":" string
 * </pre>
 * Keywords ignore case; strings are double-quoted with backslash escapes. Any other input is
 * {@code InvalidRequestException: Invalid entity selector expression: <expression>}.
 */
final class EntitySelectorParser {
    private final String text;
    private int at;

    EntitySelectorParser(String text) {
        this.text = text;
    }

    EntitySelector parse() {
        String word = word();
        EntitySelector selector = switch (word) {
            case "service" -> {
                expect('(');
                EntitySelector.NodeMatch node = end();
                expect(')');
                yield new EntitySelector.ServiceNamed(node);
            }
            case "edge" -> {
                expect('(');
                EntitySelector.NodeMatch source = end();
                expect(',');
                EntitySelector.NodeMatch destination = end();
                expect(')');
                yield new EntitySelector.EdgeBetween(source, destination);
            }
            case "id" -> new EntitySelector.ServiceNamed(id());
            default -> throw invalid();
        };
        skipSpace();
        if (at != text.length()) {
            throw invalid();
        }
        return selector;
    }

    private EntitySelector.NodeMatch end() {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '"') {
            return EntitySelector.NodeMatch.named(string());
        }
        if (!word().equals("id")) {
            throw invalid();
        }
        return id();
    }

    private EntitySelector.NodeMatch id() {
        expect('(');
        String[] values = new String[3];
        do {
            int slot = switch (word()) {
                case "name" -> 0;
                case "type" -> 1;
                case "account.id" -> 2;
                default -> throw invalid();
            };
            if (values[slot] != null) {
                throw invalid();
            }
            expect(':');
            skipSpace();
            values[slot] = string();
        } while (accept(','));
        expect(')');
        return new EntitySelector.NodeMatch(Optional.ofNullable(values[0]), Optional.ofNullable(values[1]),
                Optional.ofNullable(values[2]));
    }

    /** A keyword: letters, dots and underscores, lower-cased. */
    private String word() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '.'
                || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(start, at).toLowerCase(java.util.Locale.ROOT);
    }

    private String string() {
        if (at >= text.length() || text.charAt(at) != '"') {
            throw invalid();
        }
        StringBuilder value = new StringBuilder();
        for (at++; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return value.toString();
            }
            if (c == '\\' && at + 1 < text.length()) {
                c = text.charAt(++at);
            }
            value.append(c);
        }
        throw invalid();
    }

    private boolean accept(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw invalid();
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private io.watchpost.core.AwsException invalid() {
        return TraceService.invalid("Invalid entity selector expression: " + text);
    }
}
