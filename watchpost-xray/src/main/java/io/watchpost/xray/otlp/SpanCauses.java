package io.watchpost.xray.otlp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A segment's {@code cause.exceptions} from a span: one entry per {@code exception} event ({@code exception.type},
 * {@code exception.message}, {@code remote} for client and producer spans, and for Java the frames of
 * {@code exception.stacktrace}); without such events, a span whose status is ERROR with a message gets one entry
 * holding that message. Exception ids are derived from the span id and the position, so that the same span
 * always translates to the same document.
 */
final class SpanCauses {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** X-Ray keeps a bounded stack; more frames than this are cut (the document must stay under 64 KB). */
    private static final int MAX_FRAMES = 50;

    private SpanCauses() {}

    static ArrayNode exceptions(OtlpSpan span) {
        ArrayNode exceptions = JSON.arrayNode();
        boolean remote = span.kind() == OtlpSpan.KIND_CLIENT || span.kind() == OtlpSpan.KIND_PRODUCER;
        boolean java = "java".equals(span.resource().get("telemetry.sdk.language"));
        for (OtlpSpan.Event event : span.events()) {
            if (!event.name().equals("exception")) {
                continue;
            }
            ObjectNode exception = exception(span, exceptions.size());
            exception.put("type", text(event, "exception.type"));
            exception.put("message", text(event, "exception.message"));
            exception.put("remote", remote);
            String stack = text(event, "exception.stacktrace");
            if (java && !stack.isEmpty()) {
                exception.set("stack", javaFrames(stack));
            }
            exceptions.add(exception);
        }
        if (exceptions.isEmpty() && span.statusCode() == OtlpSpan.STATUS_ERROR && !span.statusMessage().isEmpty()) {
            exceptions.add(exception(span, 0).put("message", span.statusMessage()));
        }
        return exceptions;
    }

    private static ObjectNode exception(OtlpSpan span, int position) {
        long id = Long.parseUnsignedLong(span.spanId(), 16) * 31 + position + 1;
        return JSON.objectNode().put("id", String.format("%016x", id));
    }

    /** {@code \tat label(path:line)} lines of a Java stack trace; others (causes, "... n more") are skipped. */
    private static ArrayNode javaFrames(String stack) {
        ArrayNode frames = JSON.arrayNode();
        for (String line : stack.split("\n")) {
            String trimmed = line.strip();
            int open = trimmed.indexOf('(');
            if (!trimmed.startsWith("at ") || open < 0 || !trimmed.endsWith(")") || frames.size() == MAX_FRAMES) {
                continue;
            }
            String label = trimmed.substring(3, open);
            label = label.substring(label.indexOf('/') + 1);
            String path = trimmed.substring(open + 1, trimmed.length() - 1);
            int colon = path.indexOf(':');
            int number = 0;
            if (colon >= 0) {
                try {
                    number = Integer.parseInt(path.substring(colon + 1));
                } catch (NumberFormatException e) {
                    number = 0;
                }
                path = path.substring(0, colon);
            }
            frames.add(JSON.objectNode().put("path", path).put("line", number).put("label", label));
        }
        return frames;
    }

    private static String text(OtlpSpan.Event event, String key) {
        return event.attributes().get(key) instanceof String s ? s : "";
    }
}
