package io.watchpost.xray.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.xray.segments.SegmentParser.InvalidSegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The optional sections of a segment document: their shapes, and the parts summaries read. */
final class Sections {
    private static final Pattern ANNOTATION_KEY = Pattern.compile("[A-Za-z0-9_]{1,500}");

    private Sections() {}

    /** {@code http}, {@code aws}, {@code sql}, {@code metadata} are objects; {@code cause} an object or an id. */
    static void check(JsonNode node) {
        for (String section : new String[] {"http", "aws", "sql", "metadata"}) {
            JsonNode value = node.get(section);
            if (value != null && !value.isObject()) {
                throw new InvalidSegment("Invalid" + Character.toUpperCase(section.charAt(0)) + section.substring(1));
            }
        }
        JsonNode cause = node.get("cause");
        if (cause != null && !cause.isObject() && !cause.isTextual()) {
            throw new InvalidSegment("InvalidCause");
        }
    }

    static Optional<Segment.Http> http(JsonNode node) {
        JsonNode http = node.get("http");
        if (http == null) {
            return Optional.empty();
        }
        JsonNode request = http.path("request");
        JsonNode status = http.path("response").path("status");
        if (!status.isMissingNode() && !status.isIntegralNumber()) {
            throw new InvalidSegment("InvalidHttp");
        }
        return Optional.of(new Segment.Http(SegmentParser.text(request, "method"), SegmentParser.text(request, "url"),
                SegmentParser.text(request, "client_ip"), SegmentParser.text(request, "user_agent"),
                status.isMissingNode() ? Optional.empty() : Optional.of(status.asInt())));
    }

    /** Annotation values keep their indexed type: String, Double or Boolean. */
    static Map<String, Object> annotations(JsonNode node, int[] count) {
        JsonNode annotations = node.get("annotations");
        if (annotations == null) {
            return Map.of();
        }
        if (!annotations.isObject()) {
            throw new InvalidSegment("InvalidAnnotations");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : annotations.properties()) {
            if (!ANNOTATION_KEY.matcher(entry.getKey()).matches() || ++count[0] > SegmentParser.MAX_ANNOTATIONS) {
                throw new InvalidSegment("InvalidAnnotations");
            }
            result.put(entry.getKey(), value(entry.getValue()));
        }
        return result;
    }

    private static Object value(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        throw new InvalidSegment("InvalidAnnotations");
    }
}
