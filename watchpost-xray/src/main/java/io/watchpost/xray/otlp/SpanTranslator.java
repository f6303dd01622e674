package io.watchpost.xray.otlp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one OTLP span into an X-Ray segment document as the AWS X-Ray OpenTelemetry exporter does: a server span
 * or a span without a parent is a segment, any other span a subsegment sent on its own ({@code "type":
 * "subsegment"}, {@code parent_id} its parent span); the trace id {@code 0123456789abcdef...} becomes
 * {@code 1-01234567-89abcdef...}, span ids stay as they are. Stateless and thread-safe.
 */
final class SpanTranslator {
    private static final Pattern HEX_TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX_SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^ 0-9\\p{L}\\p{N}_.:/%&#=+\\\\\\-@]");
    private static final int MAX_NAME_LENGTH = 200;
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_SPAN_ID = "0".repeat(16);

    private SpanTranslator() {}

    /** The outcome for one span: its document, or why it was rejected. */
    sealed interface Result {}

    record Translated(String traceId, ObjectNode document) implements Result {}

    record Refused(String reason) implements Result {}

    static Result translate(OtlpSpan span) {
        if (!HEX_TRACE_ID.matcher(span.traceId()).matches() || span.traceId().equals(ZERO_TRACE_ID)) {
            return new Refused("invalid trace id \"" + abbreviate(span.traceId()) + "\"");
        }
        if (!HEX_SPAN_ID.matcher(span.spanId()).matches() || span.spanId().equals(ZERO_SPAN_ID)) {
            return new Refused("invalid span id \"" + abbreviate(span.spanId()) + "\"");
        }
        boolean hasParent = !span.parentSpanId().isEmpty() && !span.parentSpanId().equals(ZERO_SPAN_ID);
        if (hasParent && !HEX_SPAN_ID.matcher(span.parentSpanId()).matches()) {
            return new Refused("invalid parent span id \"" + abbreviate(span.parentSpanId()) + "\"");
        }
        if (span.startNanos() <= 0 || span.endNanos() < span.startNanos()) {
            return new Refused("span " + span.spanId() + " has no valid start and end time");
        }
        boolean subsegment = hasParent && span.kind() != OtlpSpan.KIND_SERVER;
        String traceId = "1-" + span.traceId().substring(0, 8) + "-" + span.traceId().substring(8);
        Set<String> consumed = new HashSet<>();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("name", name(span, subsegment, consumed));
        doc.put("id", span.spanId());
        doc.put("trace_id", traceId);
        if (hasParent) {
            doc.put("parent_id", span.parentSpanId());
        }
        if (subsegment) {
            doc.put("type", "subsegment");
        }
        doc.put("start_time", seconds(span.startNanos()));
        doc.put("end_time", seconds(span.endNanos()));
        namespace(span).ifPresent(namespace -> doc.put("namespace", namespace));
        if (!subsegment) {
            origin(span.resource()).ifPresent(origin -> doc.put("origin", origin));
        }
        SpanSections.http(span, consumed).ifPresent(http -> doc.set("http", http));
        SpanSections.faults(span, doc);
        SpanSections.aws(span, consumed).ifPresent(aws -> doc.set("aws", aws));
        SpanSections.attributes(span, !subsegment, consumed, doc);
        return new Translated(traceId, doc);
    }

    /** X-Ray names are service names, not operations: the exporter's order of preference. */
    private static String name(OtlpSpan span, boolean subsegment, Set<String> consumed) {
        int kind = span.kind();
        boolean outgoing = kind == OtlpSpan.KIND_CLIENT || kind == OtlpSpan.KIND_PRODUCER
                || kind == OtlpSpan.KIND_CONSUMER;
        String name = null;
        if (kind == OtlpSpan.KIND_SERVER) {
            name = span.text("aws.local.service");
        } else if (outgoing) {
            name = span.text("aws.remote.service");
        }
        if (name == null) {
            name = span.text("peer.service");
        }
        if (name == null) {
            name = span.text("aws.service");
        }
        if (name == null) {
            String db = first(span, "db.name", "db.namespace");
            if (db != null) {
                String host = first(span, "server.address", "net.peer.name");
                name = host == null ? db : db + "@" + host;
            }
        }
        if (name == null && !subsegment && span.resource().get("service.name") instanceof String service) {
            name = service;
        }
        if (name == null) {
            name = first(span, "rpc.service", "http.host", "server.address", "net.peer.name");
        }
        consumed.add("aws.local.service");
        consumed.add("aws.remote.service");
        return fixName(name == null ? span.name() : name);
    }

    private static Optional<String> namespace(OtlpSpan span) {
        if ("aws-api".equals(span.text("rpc.system")) || span.text("aws.service") != null) {
            return Optional.of("aws");
        }
        return span.kind() == OtlpSpan.KIND_CLIENT ? Optional.of("remote") : Optional.empty();
    }

    /** The exporter's origin from the resource's {@code cloud.platform}. */
    private static Optional<String> origin(Map<String, Object> resource) {
        Object provider = resource.get("cloud.provider");
        if (provider != null && !"aws".equals(provider)) {
            return Optional.empty();
        }
        String origin = switch (String.valueOf(resource.get("cloud.platform"))) {
            case "aws_ec2" -> "AWS::EC2::Instance";
            case "aws_eks" -> "AWS::EKS::Container";
            case "aws_elastic_beanstalk" -> "AWS::ElasticBeanstalk::Environment";
            case "aws_app_runner" -> "AWS::AppRunner::Service";
            case "aws_ecs" -> switch (String.valueOf(resource.get("aws.ecs.launchtype"))) {
                case "ec2" -> "AWS::ECS::EC2";
                case "fargate" -> "AWS::ECS::Fargate";
                default -> "AWS::ECS::Container";
            };
            default -> null;
        };
        return Optional.ofNullable(origin);
    }

    /** Epoch seconds with the fraction added last, so whole seconds lose no precision to the division. */
    private static double seconds(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + Math.floorMod(nanos, 1_000_000_000L) / 1e9;
    }

    static String fixName(String name) {
        String fixed = INVALID_NAME_CHARS.matcher(name).replaceAll("");
        if (fixed.length() > MAX_NAME_LENGTH) {
            fixed = fixed.substring(0, MAX_NAME_LENGTH);
        }
        return fixed.isEmpty() ? "span" : fixed;
    }

    static String first(OtlpSpan span, String... keys) {
        for (String key : keys) {
            String value = span.text(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
