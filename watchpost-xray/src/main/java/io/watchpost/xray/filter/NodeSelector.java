package io.watchpost.xray.filter;

import io.watchpost.xray.filter.Token.Kind;
import java.util.Locale;
import java.util.Optional;

/** Names a service node in {@code service()} and {@code edge()}: a name, or {@code id(name:, type:, account.id:)}. */
record NodeSelector(Optional<String> name, Optional<String> type, Optional<String> accountId) {
    boolean matches(TraceFacts.NodeId id) {
        return name.map(id.name()::equals).orElse(true)
                && type.map(t -> id.type().map(t::equals).orElse(false)).orElse(true)
                && accountId.map(a -> id.accountId().map(a::equals).orElse(false)).orElse(true);
    }

    static NodeSelector parse(Parser parser) {
        Token token = parser.peek();
        if (token.is(Kind.STRING)) {
            parser.take();
            return new NodeSelector(Optional.of(token.text()), Optional.empty(), Optional.empty());
        }
        if (!token.isWord("id")) {
            throw Parser.unexpected(token, "a service name or id()");
        }
        parser.take();
        parser.expect(Kind.LPAREN, "\"(\"");
        String[] values = new String[3];
        do {
            Token key = parser.expect(Kind.WORD, "name, type or account.id");
            int slot = switch (key.text().toLowerCase(Locale.ROOT)) {
                case "name" -> 0;
                case "type" -> 1;
                case "account.id" -> 2;
                default -> throw FilterErrors.at(key.position(), "Unknown id() parameter " + key.describe());
            };
            if (values[slot] != null) {
                throw FilterErrors.at(key.position(), "Duplicate id() parameter " + key.describe());
            }
            parser.expect(Kind.COLON, "\":\"");
            values[slot] = parser.expect(Kind.STRING, "a quoted string").text();
        } while (parser.peek().is(Kind.COMMA) && parser.take() != null);
        parser.expect(Kind.RPAREN, "\")\"");
        return new NodeSelector(Optional.ofNullable(values[0]), Optional.ofNullable(values[1]),
                Optional.ofNullable(values[2]));
    }
}
