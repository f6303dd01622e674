package io.watchpost.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One event a pattern matched, with what a metric filter may read from it. Immutable; holds the event's parsed JSON
 * (JSON patterns) or its extracted fields (space-delimited patterns), so reading values parses nothing again.
 */
public final class FilterMatch {
    private static final FilterMatch PLAIN = new FilterMatch(null, Map.of());

    private final JsonNode json;
    private final Map<String, String> fields;

    private FilterMatch(JsonNode json, Map<String, String> fields) {
        this.json = json;
        this.fields = fields;
    }

    static FilterMatch plain() {
        return PLAIN;
    }

    static FilterMatch json(JsonNode root) {
        return new FilterMatch(root, Map.of());
    }

    static FilterMatch fields(Map<String, String> fields) {
        return new FilterMatch(null, java.util.Collections.unmodifiableMap(fields));
    }

    /**
     * The values TestMetricFilter reports as {@code extractedValues}: for a space-delimited pattern {@code $name} of
     * each named field and {@code $N} of the others; empty for the other forms, as AWS documents.
     */
    public Map<String, String> extractedValues() {
        return fields;
    }

    /**
     * A value a metric transformation names: {@code $.path} of a JSON event (strings as they are, numbers and booleans
     * as written; empty for a missing path, null, an object or an array) or {@code $name} / {@code $N} of a
     * space-delimited event.
     */
    public Optional<String> value(String selector) {
        if (selector == null) {
            return Optional.empty();
        }
        if (json != null && selector.startsWith("$") && !fields.containsKey(selector)) {
            return jsonValue(selector);
        }
        return Optional.ofNullable(fields.get(selector));
    }

    private Optional<String> jsonValue(String selector) {
        Cursor in = new Cursor(selector, 0);
        JsonSelector parsed;
        try {
            parsed = JsonSelector.parse(in);
        } catch (PatternError e) {
            return Optional.empty();
        }
        if (!in.atEnd()) {
            return Optional.empty();
        }
        JsonNode node = parsed.resolve(json);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(JsonEvaluator.text(node));
    }
}
