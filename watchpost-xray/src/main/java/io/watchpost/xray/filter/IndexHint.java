package io.watchpost.xray.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a trace must contain for an expression to hold, as far as a trace index can tell: a service node of some
 * name ({@code service("name")}, either end of {@code edge()}), an annotation key (any {@code annotation.key}
 * term, compared or bare), or an annotation key with an exact value ({@code annotation.key = value}). A hint is
 * necessary, not sufficient: a store narrows the traces to those the hint admits and still tests the expression on
 * each. Terms the indexes cannot see ({@code !}, simple keywords, root causes) give no hint.
 */
public sealed interface IndexHint {
    /** A service node named {@code name}. */
    record Service(String name) implements IndexHint {
        public Service {
            requireNonNull(name, "name is null");
        }
    }

    /** Some value under annotation {@code key}. */
    record AnnotationKey(String key) implements IndexHint {
        public AnnotationKey {
            requireNonNull(key, "key is null");
        }
    }

    /** Annotation {@code key} equal to {@code value}: a {@code String}, {@code Double} or {@code Boolean}. */
    record AnnotationEquals(String key, Object value) implements IndexHint {
        public AnnotationEquals {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            if (value instanceof Double d) {
                value = d + 0.0; // -0.0 equals 0.0 under "="
            }
        }
    }

    /** Every hint holds (the terms of an AND that give hints). */
    record AllOf(List<IndexHint> hints) implements IndexHint {
        public AllOf {
            hints = List.copyOf(hints);
        }
    }

    /** Some hint holds (an OR whose every term gives a hint). */
    record AnyOf(List<IndexHint> hints) implements IndexHint {
        public AnyOf {
            hints = List.copyOf(hints);
        }
    }
}
