package io.watchpost.xray.traces;

import io.watchpost.xray.filter.IndexHint;
import io.watchpost.xray.segments.Segment;
import java.util.Map;
import java.util.Set;

/**
 * The terms under which {@link TraceIndex} files a trace for filter expressions: the names of its service nodes
 * (as {@link TraceFactsView} draws them: segments, and subsegments calling out in namespace {@code remote} or
 * {@code aws}) and its annotations, by key alone and by key and value. Terms are strings: {@code s<name>} for a
 * service, {@code a<key>\0} for an annotation key and {@code a<key>\0<type><value>} for a key with a value of
 * type {@code s} (string), {@code n} (number, as {@link Double#toString}) or {@code b} (boolean).
 */
final class IndexTerms {
    private IndexTerms() {}

    /** Adds the terms of {@code segment} and its embedded subsegments to {@code terms}. */
    static void of(Segment segment, Set<String> terms) {
        if (!segment.separateSubsegment() || segment.remoteCall()) {
            terms.add(service(segment.name()));
        }
        visit(segment, terms);
    }

    private static void visit(Segment segment, Set<String> terms) {
        for (Map.Entry<String, Object> annotation : segment.annotations().entrySet()) {
            terms.add(annotationKey(annotation.getKey()));
            terms.add(annotationValue(annotation.getKey(), annotation.getValue()));
        }
        for (Segment sub : segment.subsegments()) {
            if (sub.remoteCall()) {
                terms.add(service(sub.name()));
            }
            visit(sub, terms);
        }
    }

    /** The term of a single-term hint; null for {@code AllOf}/{@code AnyOf}. */
    static String of(IndexHint hint) {
        return switch (hint) {
            case IndexHint.Service service -> service(service.name());
            case IndexHint.AnnotationKey key -> annotationKey(key.key());
            case IndexHint.AnnotationEquals equals -> annotationValue(equals.key(), equals.value());
            case IndexHint.AllOf all -> null;
            case IndexHint.AnyOf any -> null;
        };
    }

    static String service(String name) {
        return "s" + name;
    }

    static String annotationKey(String key) {
        return "a" + key + '\0';
    }

    static String annotationValue(String key, Object value) {
        String typed = switch (value) {
            case String s -> "s" + s;
            case Double d -> "n" + (d + 0.0);
            case Boolean b -> "b" + b;
            default -> throw new IllegalArgumentException("annotation value of type " + value.getClass());
        };
        return annotationKey(key) + typed;
    }
}
