package io.watchpost.xray.traces;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A GetTimeSeriesServiceStatistics {@code EntitySelectorExpression} ("Supports ID, service, and edge functions"):
 * {@code service("name")}, {@code service(id(name: "n", type: "t", account.id: "a"))} or a bare {@code id(...)}
 * select the service nodes so named; {@code edge(a, b)}, each end a name or an {@code id(...)}, the calls between
 * two nodes; absent, the edges from clients (X-Ray: "If no selector expression is specified, edge statistics are
 * returned"). Bounded to 500 characters before parsing.
 */
sealed interface EntitySelector {
    int MAX_LENGTH = 500;

    record ClientEdges() implements EntitySelector {}

    record ServiceNamed(NodeMatch node) implements EntitySelector {
        public ServiceNamed {
            requireNonNull(node, "node is null");
        }
    }

    record EdgeBetween(NodeMatch source, NodeMatch destination) implements EntitySelector {
        public EdgeBetween {
            requireNonNull(source, "source is null");
            requireNonNull(destination, "destination is null");
        }
    }

    /**
     * Which graph nodes an end names: by name, and by {@code id()}'s type and account. A plain name never selects
     * the {@code client} node (it is the caller of a root segment, not a service).
     */
    record NodeMatch(Optional<String> name, Optional<String> type, Optional<String> accountId) {
        static NodeMatch named(String name) {
            return new NodeMatch(Optional.of(name), Optional.empty(), Optional.empty());
        }

        boolean matches(ServiceKey key, String account) {
            return name.map(key.name()::equals).orElse(true)
                    && type.map(t -> key.type().map(t::equals).orElse(false))
                            .orElse(key.type().filter("client"::equals).isEmpty())
                    && accountId.map(account::equals).orElse(true);
        }
    }

    /** Parses {@code expression} (null: the client edges). */
    static EntitySelector parse(String expression) {
        if (expression == null) {
            return new ClientEdges();
        }
        if (expression.isEmpty() || expression.length() > MAX_LENGTH) {
            throw TraceService.invalid("1 validation error detected: Value at 'entitySelectorExpression' failed to "
                    + "satisfy constraint: Member must have length " + (expression.isEmpty()
                            ? "greater than or equal to 1" : "less than or equal to " + MAX_LENGTH));
        }
        return new EntitySelectorParser(expression).parse();
    }
}
