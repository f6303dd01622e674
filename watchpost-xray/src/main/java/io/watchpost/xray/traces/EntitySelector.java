package io.watchpost.xray.traces;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GetTimeSeriesServiceStatistics {@code EntitySelectorExpression}: {@code service("name")} selects the nodes of
 * that name, {@code edge("source", "destination")} the calls between two nodes, absent the edges from clients
 * (X-Ray: "If no selector expression is specified, edge statistics are returned"). Bounded to 500 characters
 * before matching.
 */
sealed interface EntitySelector {
    int MAX_LENGTH = 500;

    record ClientEdges() implements EntitySelector {}

    record ServiceNamed(String name) implements EntitySelector {
        public ServiceNamed {
            requireNonNull(name, "name is null");
        }
    }

    record EdgeBetween(String source, String destination) implements EntitySelector {
        public EdgeBetween {
            requireNonNull(source, "source is null");
            requireNonNull(destination, "destination is null");
        }
    }

    Pattern SERVICE = Pattern.compile("\\s*service\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)\\s*");
    Pattern EDGE = Pattern.compile(
            "\\s*edge\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)\\s*");

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
        Matcher service = SERVICE.matcher(expression);
        if (service.matches()) {
            return new ServiceNamed(unescape(service.group(1)));
        }
        Matcher edge = EDGE.matcher(expression);
        if (edge.matches()) {
            return new EdgeBetween(unescape(edge.group(1)), unescape(edge.group(2)));
        }
        throw TraceService.invalid("Invalid entity selector expression: " + expression);
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }
}
