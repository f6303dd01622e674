package io.watchpost.xray.filter;

import java.util.List;
import java.util.function.Function;

/**
 * The typed tree of a compiled expression, which is also its executable plan: every node tests a context of type
 * {@code C} (the trace, or inside braces a service visit, an edge call or a root-cause element). Nodes are
 * immutable, so a compiled expression is safe to share between threads.
 */
sealed interface Node<C> {
    boolean test(C context);

    record And<C>(List<Node<C>> terms) implements Node<C> {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean test(C context) {
            for (Node<C> term : terms) {
                if (!term.test(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or<C>(List<Node<C>> terms) implements Node<C> {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean test(C context) {
            for (Node<C> term : terms) {
                if (term.test(context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not<C>(Node<C> term) implements Node<C> {
        @Override
        public boolean test(C context) {
            return !term.test(context);
        }
    }

    record BoolIs<C>(Field.Bool<C> field, boolean expected) implements Node<C> {
        @Override
        public boolean test(C context) {
            return field.value().test(context) == expected;
        }
    }

    /** A bare number or text keyword: true when the context has a value for it. */
    record Present<C>(Field<C> field) implements Node<C> {
        @Override
        public boolean test(C context) {
            return switch (field) {
                case Field.Bool<C> b -> b.value().test(context);
                case Field.Num<C> n -> n.value().apply(context).isPresent();
                case Field.Text<C> t -> !t.values().apply(context).isEmpty();
            };
        }
    }

    record NumCompare<C>(Field.Num<C> field, Op op, double value) implements Node<C> {
        @Override
        public boolean test(C context) {
            var actual = field.value().apply(context);
            return actual.isPresent() && op.test(actual.getAsDouble(), value);
        }
    }

    /** Any value satisfies the operator; {@code !=} holds when there are values and none is equal. */
    record TextCompare<C>(Field.Text<C> field, Op op, String value) implements Node<C> {
        @Override
        public boolean test(C context) {
            List<String> actual = field.values().apply(context);
            if (op == Op.NE) {
                return !actual.isEmpty() && !actual.contains(value);
            }
            for (String candidate : actual) {
                if (op.test(candidate, value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Some element of a list the context holds (service visits, edge calls, root-cause elements) satisfies a filter. */
    record Exists<C, E>(Function<C, List<E>> elements, Node<E> filter) implements Node<C> {
        @Override
        public boolean test(C context) {
            for (E element : elements.apply(context)) {
                if (filter.test(element)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A node whose matches all satisfy {@code hint}, for stores that index traces; tests as {@code node} does. */
    record Hinted<C>(Node<C> node, IndexHint hint) implements Node<C> {
        @Override
        public boolean test(C context) {
            return node.test(context);
        }
    }

    record Always<C>(boolean value) implements Node<C> {
        @Override
        public boolean test(C context) {
            return value;
        }
    }

    /**
     * {@code annotation.key [op value]}: bare, the trace has the annotation; compared, some value of the literal's
     * type satisfies the operator ({@code !=}: values exist and none is equal).
     */
    record Annotation(String key, java.util.Optional<Op> op, Literal value) implements Node<TraceFacts> {
        @Override
        public boolean test(TraceFacts trace) {
            List<TraceFacts.AnnotationValue> values = trace.annotations(key);
            if (op.isEmpty()) {
                return !values.isEmpty();
            }
            Op o = op.get();
            if (o == Op.NE) {
                return !values.isEmpty() && values.stream().noneMatch(v -> value.compare(Op.EQ, v));
            }
            for (TraceFacts.AnnotationValue candidate : values) {
                if (value.compare(o, candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code rootcause[.kind].json = #[...]}: each pattern object matches some root cause of the chosen kinds. */
    record RootCauseJson(Function<TraceFacts, List<TraceFacts.RootCause>> causes,
            com.fasterxml.jackson.databind.JsonNode pattern) implements Node<TraceFacts> {
        @Override
        public boolean test(TraceFacts trace) {
            return RootCauseJsonMatcher.matches(pattern, causes.apply(trace));
        }
    }
}
