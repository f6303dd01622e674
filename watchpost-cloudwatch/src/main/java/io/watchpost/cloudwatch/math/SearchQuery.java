package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled SEARCH() query: an optional metric schema ({@code {Namespace, DimName, ...}}: that namespace and exactly
 * that set of dimension names) and an optional boolean term. A metric matches when both match.
 */
record SearchQuery(Optional<Schema> schema, Optional<Term> term) {
    SearchQuery {
        requireNonNull(schema, "schema is null");
        requireNonNull(term, "term is null");
    }

    boolean matches(MetricIdentity metric) {
        return schema.map(s -> s.matches(metric)).orElse(true) && term.map(t -> t.matches(metric)).orElse(true);
    }

    record Schema(String namespace, List<String> dimensionNames) {
        public Schema {
            requireNonNull(namespace, "namespace is null");
            dimensionNames = List.copyOf(dimensionNames);
        }

        boolean matches(MetricIdentity metric) {
            return metric.namespace().equals(namespace)
                    && metric.dimensions().keySet().equals(new HashSet<>(dimensionNames));
        }
    }

    sealed interface Term {
        boolean matches(MetricIdentity metric);
    }

    record And(List<Term> terms) implements Term {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(MetricIdentity metric) {
            return terms.stream().allMatch(t -> t.matches(metric));
        }
    }

    record Or(List<Term> terms) implements Term {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(MetricIdentity metric) {
            return terms.stream().anyMatch(t -> t.matches(metric));
        }
    }

    record Not(Term term) implements Term {
        public Not {
            requireNonNull(term, "term is null");
        }

        @Override
        public boolean matches(MetricIdentity metric) {
            return !term.matches(metric);
        }
    }

    /**
     * One search word: an exact (double-quoted) or partial match, optionally restricted to a property
     * ({@code MetricName=}, {@code Namespace=}, or a dimension name).
     */
    record Match(Optional<String> property, String text, boolean exact) implements Term {
        public Match {
            requireNonNull(property, "property is null");
            requireNonNull(text, "text is null");
        }

        @Override
        public boolean matches(MetricIdentity metric) {
            if (property.isPresent()) {
                return candidate(metric, property.get()).map(this::matchesText).orElse(false);
            }
            if (matchesText(metric.namespace()) || matchesText(metric.metricName())) {
                return true;
            }
            for (Map.Entry<String, String> dim : metric.dimensions().entrySet()) {
                if (matchesText(dim.getKey()) || matchesText(dim.getValue())) {
                    return true;
                }
            }
            return false;
        }

        private static Optional<String> candidate(MetricIdentity metric, String name) {
            return switch (name) {
                case "MetricName" -> Optional.of(metric.metricName());
                case "Namespace" -> Optional.of(metric.namespace());
                default -> Optional.ofNullable(metric.dimensions().get(name));
            };
        }

        private boolean matchesText(String candidate) {
            return exact ? candidate.equals(text) : SearchTokens.partialMatch(text, candidate);
        }
    }
}
