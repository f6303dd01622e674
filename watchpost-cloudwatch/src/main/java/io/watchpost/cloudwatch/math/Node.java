package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The typed tree: names resolved, function arities and argument types checked, every node knowing its {@link Kind}.
 * The evaluator walks it without further checks.
 */
sealed interface Node {
    Kind kind();

    record Constant(double value) implements Node {
        @Override
        public Kind kind() {
            return Kind.SCALAR;
        }
    }

    record Reference(String id, Kind kind) implements Node {
        public Reference {
            requireNonNull(id, "id is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /** {@code METRICS()} or {@code METRICS('filter')}: the MetricStat queries whose Id contains the filter. */
    record Metrics(String filter) implements Node {
        public Metrics {
            requireNonNull(filter, "filter is null");
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    /** A Metrics Insights query: one series, or one per group. */
    record Insights(InsightsQuery query) implements Node {
        public Insights {
            requireNonNull(query, "query is null");
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    record Search(SearchQuery query, String stat, Optional<Node> period) implements Node {
        public Search {
            requireNonNull(query, "query is null");
            requireNonNull(stat, "stat is null");
            requireNonNull(period, "period is null");
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    record Negate(Node operand, Kind kind) implements Node {
        public Negate {
            requireNonNull(operand, "operand is null");
        }
    }

    record Binary(Op op, Node left, Node right, Kind kind) implements Node {
        public Binary {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** An array literal; nested arrays are flattened. */
    record ArrayOf(List<Node> elements) implements Node {
        public ArrayOf {
            elements = List.copyOf(elements);
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    /** {@code FILL(target, with)}: a scalar or series filler, or the REPEAT / LINEAR modes (then {@code with} is empty). */
    record Fill(Node target, FillMode mode, Optional<Node> with) implements Node {
        enum FillMode { VALUE, REPEAT, LINEAR }

        public Fill {
            requireNonNull(target, "target is null");
            requireNonNull(mode, "mode is null");
            requireNonNull(with, "with is null");
        }

        @Override
        public Kind kind() {
            return target.kind();
        }
    }

    record Sort(Node array, Fn by, boolean descending, Optional<Node> limit) implements Node {
        public Sort {
            requireNonNull(array, "array is null");
            requireNonNull(by, "by is null");
            requireNonNull(limit, "limit is null");
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    /** Any other function application. */
    record Call(Fn fn, List<Node> args, Kind kind) implements Node {
        public Call {
            requireNonNull(fn, "fn is null");
            args = List.copyOf(args);
            requireNonNull(kind, "kind is null");
        }
    }
}
