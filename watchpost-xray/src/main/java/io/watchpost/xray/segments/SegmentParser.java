package io.watchpost.xray.segments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates segment documents as X-Ray does and reads them into {@link Segment}s. Bounds apply before any work:
 * a document is at most 64 KB of UTF-8 and nests at most 64 levels. Stateless and thread-safe.
 *
 * <p>Rules (X-Ray developer guide, "Segment documents"): {@code trace_id} is {@code 1-<8 hex>-<24 hex>}, its first
 * 8 digits not held to be a recent epoch (PutTraceSegments: "this is not required or validated", so W3C ids and
 * replayed old traces are accepted); {@code id} and {@code parent_id} are 16 hex digits; {@code start_time}
 * is a number; {@code end_time} is a number unless {@code in_progress} is true; a document with {@code "type":
 * "subsegment"} needs {@code parent_id}; {@code http}, {@code aws}, {@code sql}, {@code metadata} are objects;
 * annotation keys are alphanumeric or {@code _} and values strings, numbers or booleans.
 */
public final class SegmentParser {
    /** X-Ray's limit on one segment document. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    static final int MAX_ANNOTATIONS = 50;
    private static final int MAX_DEPTH = 64;
    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}\\s_.:/%&#=+\\\\\\-@]{1,200}");

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    /** The outcome of parsing one document. */
    public sealed interface Result permits Accepted, Rejected {}

    /** A valid document and its typed view. */
    public record Accepted(Segment segment) implements Result {}

    /** An invalid document and why. */
    public record Rejected(Rejection rejection) implements Result {}

    /** Parses and validates {@code document}. */
    public Result parse(String document) {
        // A char is at most 3 UTF-8 bytes: only documents near the limit are encoded to measure them.
        if (document == null || document.length() > MAX_DOCUMENT_BYTES || document.length() > MAX_DOCUMENT_BYTES / 3
                && document.getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
            return new Rejected(Rejection.of(null, document == null ? "ParseError" : "SegmentTooLarge"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(document);
        } catch (JsonProcessingException e) {
            return new Rejected(Rejection.of(null, "ParseError"));
        }
        if (root == null || !root.isObject()) {
            return new Rejected(Rejection.of(null, "ParseError"));
        }
        String id = root.path("id").isTextual() ? root.path("id").asText() : null;
        try {
            return new Accepted(top(root));
        } catch (InvalidSegment e) {
            return new Rejected(Rejection.of(id, e.getMessage()));
        }
    }

    private Segment top(JsonNode node) {
        String id = hexId(node, "id", "InvalidId").orElseThrow(() -> new InvalidSegment("InvalidId"));
        String traceId = traceId(node);
        boolean separate = false;
        if (node.has("type")) {
            if (!node.get("type").isTextual() || !node.get("type").asText().equals("subsegment")) {
                throw new InvalidSegment("InvalidType");
            }
            separate = true;
        }
        Optional<String> parentId = hexId(node, "parent_id", "InvalidParentId");
        if (separate && parentId.isEmpty()) {
            throw new InvalidSegment("InvalidParentId");
        }
        String name = text(node, "name").orElseThrow(() -> new InvalidSegment("InvalidName"));
        if (!separate && !NAME.matcher(name).matches()) {
            throw new InvalidSegment("InvalidName");
        }
        return body(node, traceId, id, parentId, name, separate, new int[] {0});
    }

    private Segment body(JsonNode node, String traceId, String id, Optional<String> parentId, String name,
            boolean separate, int[] annotationCount) {
        JsonNode start = node.get("start_time");
        if (start == null || !start.isNumber()) {
            throw new InvalidSegment("InvalidStartTime");
        }
        boolean inProgress = flag(node, "in_progress");
        JsonNode end = node.get("end_time");
        if (end != null && !end.isNumber() || end == null && !inProgress) {
            throw new InvalidSegment("InvalidEndTime");
        }
        Sections.check(node);
        return new Segment(traceId, id, parentId, name, start.asDouble(),
                end == null ? Double.NaN : end.asDouble(), inProgress, separate,
                text(node, "origin"), text(node, "namespace"), text(node, "user"), text(node, "resource_arn"),
                new Segment.Flags(flag(node, "error"), flag(node, "fault"), flag(node, "throttle")),
                Sections.http(node), Sections.annotations(node, annotationCount),
                subsegments(node, traceId, id, annotationCount));
    }

    private List<Segment> subsegments(JsonNode node, String traceId, String parentId, int[] annotationCount) {
        JsonNode list = node.get("subsegments");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidSegment("InvalidSubsegment");
        }
        List<Segment> result = new ArrayList<>(list.size());
        for (JsonNode child : list) {
            if (!child.isObject()) {
                throw new InvalidSegment("InvalidSubsegment");
            }
            String id = hexId(child, "id", "InvalidId").orElseThrow(() -> new InvalidSegment("InvalidId"));
            String name = text(child, "name").orElseThrow(() -> new InvalidSegment("InvalidName"));
            result.add(body(child, traceId, id, Optional.of(parentId), name, false, annotationCount));
        }
        return result;
    }

    private static String traceId(JsonNode node) {
        String traceId = text(node, "trace_id").orElseThrow(() -> new InvalidSegment("InvalidTraceId"));
        if (!TRACE_ID.matcher(traceId).matches()) {
            throw new InvalidSegment("InvalidTraceId");
        }
        return traceId;
    }

    private static Optional<String> hexId(JsonNode node, String field, String errorCode) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || !HEX_ID.matcher(value.asText()).matches()) {
            throw new InvalidSegment(errorCode);
        }
        return Optional.of(value.asText());
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isBoolean()) {
            throw new InvalidSegment("Invalid" + field);
        }
        return value != null && value.asBoolean();
    }

    /** Carries an error code out of the recursive descent; never escapes this package. */
    static final class InvalidSegment extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSegment(String errorCode) {
            super(errorCode, null, false, false);
        }
    }
}
