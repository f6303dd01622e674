package io.watchpost.xray.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code application/x-protobuf} OTLP trace exports. Stateless and thread-safe. */
final class OtlpProtobuf {
    /** Nesting of messages and attribute values; OTLP needs well under this. */
    private static final int RECURSION_LIMIT = 64;
    private static final HexFormat HEX = HexFormat.of();

    private OtlpProtobuf() {}

    /** The spans of {@code body}; throws {@link OtlpException} when it is not an ExportTraceServiceRequest. */
    static List<OtlpSpan> decode(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            in.setRecursionLimit(RECURSION_LIMIT);
            request = ExportTraceServiceRequest.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpException("Invalid protobuf ExportTraceServiceRequest: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new OtlpException("Unreadable request body");
        }
        List<OtlpSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(span(resource, span));
                }
            }
        }
        return spans;
    }

    private static OtlpSpan span(Map<String, Object> resource, Span span) {
        List<OtlpSpan.Event> events = new ArrayList<>(span.getEventsCount());
        for (Span.Event event : span.getEventsList()) {
            events.add(new OtlpSpan.Event(event.getName(), event.getTimeUnixNano(),
                    attributes(event.getAttributesList())));
        }
        return new OtlpSpan(resource, hex(span.getTraceId()), hex(span.getSpanId()), hex(span.getParentSpanId()),
                span.getName(), span.getKindValue(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                attributes(span.getAttributesList()), events, span.getStatus().getCodeValue(),
                span.getStatus().getMessage());
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static Map<String, Object> attributes(List<KeyValue> list) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            Object value = value(kv.getValue());
            if (value != null) {
                map.put(kv.getKey(), value);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                List<Object> items = new ArrayList<>();
                for (AnyValue item : value.getArrayValue().getValuesList()) {
                    Object v = value(item);
                    if (v != null) {
                        items.add(v);
                    }
                }
                yield Collections.unmodifiableList(items);
            }
            case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList());
            default -> null;
        };
    }
}
