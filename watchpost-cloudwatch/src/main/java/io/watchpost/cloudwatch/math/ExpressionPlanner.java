package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses every Expression query, orders them so each follows the queries it references (a reference cycle is an
 * error), compiles each against the kinds of what it references, and enforces the request-wide limit of
 * {@value #MAX_SEARCHES} SEARCH() calls. Errors read {@code Error in expression <id>: <detail> at position <n>}.
 */
final class ExpressionPlanner {
    static final int MAX_SEARCHES = 10;

    /** An expression ready to evaluate. */
    record Planned(QuerySpec.ExpressionQuery query, Node root) {}

    private ExpressionPlanner() {}

    static List<Planned> plan(List<QuerySpec> queries) {
        Violations violations = new Violations();
        Map<String, Kind> kinds = new HashMap<>();
        Map<String, Expr> parsed = new LinkedHashMap<>();
        Map<String, QuerySpec.ExpressionQuery> expressions = new HashMap<>();
        List<Planned> insights = new ArrayList<>();
        for (QuerySpec query : queries) {
            switch (query) {
                case QuerySpec.MetricQuery metric -> kinds.put(metric.id(), Kind.SERIES);
                case QuerySpec.ExpressionQuery expression when InsightsParser.isQuery(expression.expression()) -> {
                    // A Metrics Insights query stands alone: no references, so it goes first.
                    try {
                        insights.add(new Planned(expression,
                                new Node.Insights(InsightsParser.parse(expression.expression()))));
                        kinds.put(expression.id(), Kind.ARRAY);
                    } catch (MathException e) {
                        violations.add(error(expression.id(), e));
                    }
                }
                case QuerySpec.ExpressionQuery expression -> {
                    expressions.put(expression.id(), expression);
                    try {
                        parsed.put(expression.id(), ExpressionParser.parse(expression.expression()));
                    } catch (MathException e) {
                        violations.add(error(expression.id(), e));
                    }
                }
            }
        }
        violations.throwIfAny();
        List<String> order = order(parsed, violations);
        violations.throwIfAny();
        List<Planned> plan = new ArrayList<>(insights);
        int searches = 0;
        for (String id : order) {
            try {
                Compiler.Compiled compiled = Compiler.compile(parsed.get(id), ref -> Optional.ofNullable(kinds.get(ref)));
                kinds.put(id, compiled.root().kind());
                searches += compiled.searches();
                plan.add(new Planned(expressions.get(id), compiled.root()));
            } catch (MathException e) {
                violations.add(error(id, e));
            }
        }
        if (searches > MAX_SEARCHES) {
            violations.add("The request contains " + searches + " SEARCH expressions; the maximum is "
                    + MAX_SEARCHES + ".");
        }
        violations.throwIfAny();
        return plan;
    }

    static String error(String id, MathException e) {
        return "Error in expression " + id + ": " + e.describe();
    }

    /** Depth-first topological order of the expressions; references to metrics need no ordering. */
    private static List<String> order(Map<String, Expr> parsed, Violations violations) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : parsed.keySet()) {
            visit(id, parsed, state, order, violations, new ArrayList<>());
        }
        return order;
    }

    private static void visit(String id, Map<String, Expr> parsed, Map<String, Integer> state, List<String> order,
            Violations violations, List<String> path) {
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null) {
            violations.add("Error in expression " + id + ": Circular reference: " + String.join(" -> ", path)
                    + " -> " + id);
            state.put(id, 2);
            return;
        }
        state.put(id, 1);
        path.add(id);
        Set<String> references = Compiler.references(parsed.get(id));
        for (String ref : references) {
            if (parsed.containsKey(ref)) {
                visit(ref, parsed, state, order, violations, path);
            }
        }
        path.removeLast();
        state.put(id, 2);
        order.add(id);
    }
}
