package io.watchpost.logs.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields CloudWatch Logs discovers in a JSON event, flattened the way Logs Insights names them: nested keys
 * joined with '.', array elements by index ({@code a.b}, {@code list.0}). At most {@link #MAX_FIELDS} per event, as
 * Insights discovers at most 1,000 fields per event.
 */
final class JsonFields {
    static final int MAX_FIELDS = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {}

    /** Field name to its text value; empty for a message that is not a JSON object. */
    static Map<String, String> of(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        String trimmed = message.strip();
        if (!trimmed.startsWith("{")) {
            return fields;
        }
        try {
            flatten("", MAPPER.readTree(trimmed), fields);
        } catch (JsonProcessingException e) {
            fields.clear(); // not JSON after all: no discovered fields
        }
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (fields.size() >= MAX_FIELDS) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), fields);
            }
        } else if (!prefix.isEmpty()) {
            fields.put(prefix, node.isNull() ? "null" : node.asText());
        }
    }
}
