package io.watchpost.xray.filter;

import io.watchpost.xray.filter.Token.Kind;
import io.watchpost.xray.filter.TraceFacts.RootCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The trace-level complex keywords: {@code service()}, {@code edge()}, {@code annotation}, {@code rootcause.*}. */
final class Complex {
    private Complex() {
    }

    static boolean isComplex(String lower) {
        return lower.equals("service") || lower.equals("edge") || lower.equals("id") || lower.equals("json")
                || lower.startsWith("annotation") || lower.startsWith("rootcause") || lower.startsWith("group.");
    }

    /** The node for a complex keyword, or null when {@code word} is a simple keyword. */
    static Node<TraceFacts> term(Parser parser, Token word, String lower) {
        if (lower.equals("service")) {
            return service(parser);
        }
        if (lower.equals("edge")) {
            return edge(parser);
        }
        if (lower.equals("id")) {
            throw FilterErrors.at(word.position(), "id() can only name a service in service() or edge()");
        }
        if (lower.equals("annotation") || lower.startsWith("annotation.") || lower.startsWith("annotation[")) {
            return annotation(parser, word);
        }
        if (lower.startsWith("rootcause")) {
            return RootCauses.term(parser, word, lower);
        }
        return null;
    }

    private static Node<TraceFacts> service(Parser parser) {
        parser.expect(Kind.LPAREN, "\"(\"");
        Optional<NodeSelector> selector = Optional.empty();
        if (!parser.peek().is(Kind.RPAREN)) {
            selector = Optional.of(NodeSelector.parse(parser));
        }
        parser.expect(Kind.RPAREN, "\")\"");
        Node<TraceFacts.ServiceNode> inner = parser.braces(Scope.SERVICE);
        if (selector.isPresent()) {
            NodeSelector s = selector.get();
            Node<TraceFacts.ServiceNode> match =
                    new Node.BoolIs<>(new Field.Bool<>("service", n -> s.matches(n.id())), true);
            inner = inner instanceof Node.Always<TraceFacts.ServiceNode> ? match : new Node.And<>(List.of(match, inner));
            if (s.name().isPresent()) {
                return new Node.Hinted<>(new Node.Exists<>(TraceFacts::services, inner),
                        new IndexHint.Service(s.name().get()));
            }
        }
        return new Node.Exists<>(TraceFacts::services, inner);
    }

    private static Node<TraceFacts> edge(Parser parser) {
        parser.expect(Kind.LPAREN, "\"(\"");
        NodeSelector source = NodeSelector.parse(parser);
        parser.expect(Kind.COMMA, "\",\"");
        NodeSelector destination = NodeSelector.parse(parser);
        parser.expect(Kind.RPAREN, "\")\"");
        Node<TraceFacts.EdgeCall> inner = parser.braces(Scope.EDGE);
        Node<TraceFacts.EdgeCall> match = new Node.BoolIs<>(new Field.Bool<>("edge",
                e -> source.matches(e.source()) && destination.matches(e.destination())), true);
        Node<TraceFacts> edges = new Node.Exists<>(TraceFacts::edges,
                inner instanceof Node.Always<TraceFacts.EdgeCall> ? match : new Node.And<>(List.of(match, inner)));
        // Both ends of an edge are service nodes of the trace.
        List<IndexHint> ends = new java.util.ArrayList<>();
        source.name().ifPresent(name -> ends.add(new IndexHint.Service(name)));
        destination.name().ifPresent(name -> ends.add(new IndexHint.Service(name)));
        return ends.isEmpty() ? edges
                : new Node.Hinted<>(edges, ends.size() == 1 ? ends.getFirst() : new IndexHint.AllOf(ends));
    }

    private static Node<TraceFacts> annotation(Parser parser, Token word) {
        String text = word.text();
        String key;
        if (text.length() > 11 && text.charAt(10) == '.') {
            key = text.substring(11);
        } else if (text.length() > 12 && text.charAt(10) == '[' && text.endsWith("]")) {
            key = unquote(text.substring(11, text.length() - 1).strip());
        } else {
            throw FilterErrors.at(word.position(), "Missing annotation key in \"" + text + "\"");
        }
        if (key.isEmpty() || key.indexOf('[') >= 0) {
            throw FilterErrors.at(word.position(), "Invalid annotation key in \"" + text + "\"");
        }
        Optional<Token> op = parser.operator();
        if (op.isEmpty()) {
            return new Node.Annotation(key, Optional.empty(), new Literal.Text(""));
        }
        return Comparisons.annotation(key, op.get(), parser.value());
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    /** {@code rootcause.*} keywords: the enumerated root-cause lists and the JSON form. */
    static final class RootCauses {
        private RootCauses() {
        }

        static Node<TraceFacts> term(Parser parser, Token word, String lower) {
            String[] parts = lower.split("\\.", -1);
            if (parts.length == 2 && parts[1].equals("json")) {
                return json(parser, t -> all(t.rootCauses()));
            }
            if (parts.length != 3 || kind(parts[1]) == null) {
                throw FilterErrors.at(word.position(), "Unknown keyword \"" + word.text() + "\"");
            }
            Function<TraceFacts, List<RootCause>> causes = kind(parts[1]);
            return switch (parts[2]) {
                case "json" -> json(parser, causes);
                case "service" -> new Node.Exists<>(t -> services(causes.apply(t)), parser.braces(Scope.CAUSE_SERVICE));
                case "entity" -> new Node.Exists<>(t -> entities(causes.apply(t)), parser.braces(Scope.CAUSE_ENTITY));
                case "exception" -> {
                    if (parts[1].equals("responsetime")) {
                        throw FilterErrors.at(word.position(), "Unknown keyword \"" + word.text() + "\"");
                    }
                    yield new Node.Exists<>(t -> exceptions(causes.apply(t)), parser.braces(Scope.CAUSE_EXCEPTION));
                }
                default -> throw FilterErrors.at(word.position(), "Unknown keyword \"" + word.text() + "\"");
            };
        }

        private static Function<TraceFacts, List<RootCause>> kind(String kind) {
            return switch (kind) {
                case "fault" -> t -> t.rootCauses().fault();
                case "error" -> t -> t.rootCauses().error();
                case "responsetime" -> t -> t.rootCauses().responseTime();
                default -> null;
            };
        }

        private static List<RootCause> all(TraceFacts.RootCauses causes) {
            List<RootCause> all = new ArrayList<>(causes.fault());
            all.addAll(causes.error());
            all.addAll(causes.responseTime());
            return all;
        }

        private static Node<TraceFacts> json(Parser parser, Function<TraceFacts, List<RootCause>> causes) {
            Token op = parser.peek();
            if (!op.is(Kind.OP) || !op.text().equals("=")) {
                throw Parser.unexpected(op, "\"=\"");
            }
            parser.take();
            Token literal = parser.expect(Kind.JSON, "a JSON literal \"#[...]\"");
            return new Node.RootCauseJson(causes, RootCauseJsonMatcher.parse(literal));
        }

        private static List<Item<TraceFacts.RootCauseService>> services(List<RootCause> causes) {
            List<Item<TraceFacts.RootCauseService>> items = new ArrayList<>();
            causes.forEach(c -> Item.addAll(items, c.services()));
            return items;
        }

        private static List<Item<TraceFacts.RootCauseEntity>> entities(List<RootCause> causes) {
            List<Item<TraceFacts.RootCauseEntity>> items = new ArrayList<>();
            causes.forEach(c -> c.services().forEach(s -> Item.addAll(items, s.entityPath())));
            return items;
        }

        private static List<Item<TraceFacts.RootCauseException>> exceptions(List<RootCause> causes) {
            List<Item<TraceFacts.RootCauseException>> items = new ArrayList<>();
            causes.forEach(c -> c.services().forEach(s -> s.entityPath().forEach(e -> Item.addAll(items, e.exceptions()))));
            return items;
        }
    }
}
