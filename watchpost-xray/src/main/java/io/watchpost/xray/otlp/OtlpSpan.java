package io.watchpost.xray.otlp;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One span of an OTLP export, decoded from protobuf or JSON into the same shape, with the attributes of the
 * resource that sent it. Attribute values are {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List<Object>} or {@code Map<String, Object>} (bytes become base64 text, as the JSON mapping has them).
 *
 * @param traceId 32 lower-case hex digits, or what the request carried when it was malformed
 * @param spanId 16 lower-case hex digits, or what the request carried when it was malformed
 * @param parentSpanId 16 hex digits, empty for a root span
 * @param kind OTLP's {@code SpanKind} number: 1 internal, 2 server, 3 client, 4 producer, 5 consumer
 * @param statusCode OTLP's {@code Status.StatusCode}: 0 unset, 1 ok, 2 error
 */
record OtlpSpan(
        Map<String, Object> resource,
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        int kind,
        long startNanos,
        long endNanos,
        Map<String, Object> attributes,
        List<Event> events,
        int statusCode,
        String statusMessage) {
    static final int KIND_INTERNAL = 1;
    static final int KIND_SERVER = 2;
    static final int KIND_CLIENT = 3;
    static final int KIND_PRODUCER = 4;
    static final int KIND_CONSUMER = 5;
    static final int STATUS_ERROR = 2;

    OtlpSpan {
        requireNonNull(resource, "resource is null");
        requireNonNull(traceId, "traceId is null");
        requireNonNull(spanId, "spanId is null");
        requireNonNull(parentSpanId, "parentSpanId is null");
        requireNonNull(name, "name is null");
        requireNonNull(attributes, "attributes is null");
        events = List.copyOf(events);
        requireNonNull(statusMessage, "statusMessage is null");
    }

    /** A span event: {@code exception} events become the segment's {@code cause}. */
    record Event(String name, long timeNanos, Map<String, Object> attributes) {
        Event {
            requireNonNull(name, "name is null");
            requireNonNull(attributes, "attributes is null");
        }
    }

    String text(String key) {
        return attributes.get(key) instanceof String s ? s : null;
    }

    /** An integer attribute, also when it was sent as text or a whole double. */
    Long number(String key) {
        return switch (attributes.get(key)) {
            case Long l -> l;
            case Double d when d == Math.rint(d) -> d.longValue();
            case String s when s.matches("-?\\d{1,18}") -> Long.parseLong(s);
            case null, default -> null;
        };
    }
}
