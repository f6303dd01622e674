package io.watchpost.xray.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes {@code application/json} OTLP trace exports: OTLP's JSON mapping of the protobuf messages, with trace
 * and span ids as hex (not base64), enums as integers (their names are accepted too), 64-bit integers as decimal
 * strings or numbers, and lowerCamelCase keys (the proto field names are accepted too, as protobuf's own JSON
 * parsers do). Stateless and thread-safe.
 */
final class OtlpJson {
    private static final int MAX_DEPTH = 64;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private OtlpJson() {}

    static List<OtlpSpan> decode(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OtlpException("Invalid JSON ExportTraceServiceRequest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OtlpException("Unreadable request body");
        }
        if (root == null || !root.isObject()) {
            throw new OtlpException("Invalid JSON ExportTraceServiceRequest: expected an object");
        }
        List<OtlpSpan> spans = new ArrayList<>();
        for (JsonNode resourceSpans : array(root, "resourceSpans", "resource_spans")) {
            Map<String, Object> resource = attributes(field(field(resourceSpans, "resource", "resource"),
                    "attributes", "attributes"));
            for (JsonNode scopeSpans : array(resourceSpans, "scopeSpans", "scope_spans")) {
                for (JsonNode span : array(scopeSpans, "spans", "spans")) {
                    spans.add(span(resource, span));
                }
            }
        }
        return spans;
    }

    private static OtlpSpan span(Map<String, Object> resource, JsonNode span) {
        if (!span.isObject()) {
            throw new OtlpException("Invalid JSON ExportTraceServiceRequest: a span is not an object");
        }
        List<OtlpSpan.Event> events = new ArrayList<>();
        for (JsonNode event : array(span, "events", "events")) {
            events.add(new OtlpSpan.Event(text(event, "name", "name"), uint64(event, "timeUnixNano", "time_unix_nano"),
                    attributes(field(event, "attributes", "attributes"))));
        }
        JsonNode status = field(span, "status", "status");
        return new OtlpSpan(resource, id(span, "traceId", "trace_id"), id(span, "spanId", "span_id"),
                id(span, "parentSpanId", "parent_span_id"), text(span, "name", "name"),
                enumValue(field(span, "kind", "kind"), "SPAN_KIND_",
                        List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER")),
                uint64(span, "startTimeUnixNano", "start_time_unix_nano"),
                uint64(span, "endTimeUnixNano", "end_time_unix_nano"),
                attributes(field(span, "attributes", "attributes")), events,
                enumValue(field(status, "code", "code"), "STATUS_CODE_", List.of("UNSET", "OK", "ERROR")),
                text(status, "message", "message"));
    }

    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        return value != null ? value : node.path(snake);
    }

    private static Iterable<JsonNode> array(JsonNode node, String camel, String snake) {
        JsonNode value = field(node, camel, snake);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new OtlpException("Invalid JSON ExportTraceServiceRequest: " + camel + " is not an array");
        }
        return value;
    }

    private static String text(JsonNode node, String camel, String snake) {
        JsonNode value = field(node, camel, snake);
        return value.isTextual() ? value.asText() : "";
    }

    /** Ids are hex in OTLP/JSON; kept lower-case as sent, validated by the translator. */
    private static String id(JsonNode node, String camel, String snake) {
        return text(node, camel, snake).toLowerCase(Locale.ROOT);
    }

    private static long uint64(JsonNode node, String camel, String snake) {
        JsonNode value = field(node, camel, snake);
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseUnsignedLong(value.asText());
            } catch (NumberFormatException e) {
                throw new OtlpException("Invalid JSON ExportTraceServiceRequest: " + camel + " is not an integer");
            }
        }
        return 0;
    }

    private static int enumValue(JsonNode value, String prefix, List<String> names) {
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            String name = value.asText();
            int index = names.indexOf(name.startsWith(prefix) ? name.substring(prefix.length()) : name);
            if (index >= 0) {
                return index;
            }
            throw new OtlpException("Invalid JSON ExportTraceServiceRequest: unknown enum value " + name);
        }
        return 0;
    }

    private static Map<String, Object> attributes(JsonNode list) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (list.isArray()) {
            for (JsonNode kv : list) {
                Object value = value(field(kv, "value", "value"));
                if (value != null && kv.path("key").isTextual()) {
                    map.put(kv.get("key").asText(), value);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object value(JsonNode any) {
        if (!any.isObject()) {
            return null;
        }
        JsonNode v;
        if ((v = field(any, "stringValue", "string_value")).isTextual()) {
            return v.asText();
        }
        if ((v = field(any, "boolValue", "bool_value")).isBoolean()) {
            return v.asBoolean();
        }
        if (!(v = field(any, "intValue", "int_value")).isMissingNode()) {
            return v.isIntegralNumber() ? (Object) v.asLong() : parseLong(v.asText());
        }
        if ((v = field(any, "doubleValue", "double_value")).isNumber() || v.isTextual()) {
            return v.isNumber() ? (Object) v.asDouble() : parseDouble(v.asText());
        }
        if ((v = field(any, "bytesValue", "bytes_value")).isTextual()) {
            return v.asText();
        }
        if ((v = field(any, "arrayValue", "array_value")).isObject()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : array(v, "values", "values")) {
                Object value = value(item);
                if (value != null) {
                    items.add(value);
                }
            }
            return Collections.unmodifiableList(items);
        }
        if ((v = field(any, "kvlistValue", "kvlist_value")).isObject()) {
            return attributes(field(v, "values", "values"));
        }
        return null;
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
