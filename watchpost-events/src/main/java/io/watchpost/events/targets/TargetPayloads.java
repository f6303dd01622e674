package io.watchpost.events.targets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a target receives for one matched event: the event itself, the constant {@code Input}, the value its
 * {@code InputPath} selects, or its {@code InputTransformer}'s rendering. A pure function of its arguments.
 *
 * <p>Template rules (EventBridge user guide, "input transformation"): a template whose text starts with {@code {}
 * or {@code [} is JSON. There a placeholder outside a string literal is replaced by the value as JSON (strings
 * quoted), and inside a string literal by the value's text, escaped for the literal. Any other template is text:
 * strings go in raw, other values as JSON. {@code <aws.events.event>} (the event without {@code detail}) and
 * {@code <aws.events.event.json>} (the whole event) go in unescaped. A variable whose path selects nothing becomes
 * {@code null} outside a string literal and nothing inside one. A {@code <name>} that is no variable stays as text.
 */
public final class TargetPayloads {
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String RULE_ARN = "aws.events.rule-arn";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";

    private TargetPayloads() {}

    /** The event being delivered and the facts the predefined variables expose. */
    public record Delivery(JsonNode event, String eventText, String ruleName, String ruleArn, String ingestionTime) {
        public Delivery {
            requireNonNull(event, "event is null");
            requireNonNull(eventText, "eventText is null");
            requireNonNull(ruleName, "ruleName is null");
            requireNonNull(ruleArn, "ruleArn is null");
            requireNonNull(ingestionTime, "ingestionTime is null");
        }
    }

    public static String render(Target target, Delivery delivery) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() != null) {
            return JsonPath.parse(target.inputPath()).flatMap(path -> path.select(delivery.event()))
                    .map(JsonNode::toString).orElse("null");
        }
        if (target.inputTransformer() != null) {
            return transform(target.inputTransformer(), delivery);
        }
        return delivery.eventText();
    }

    static String transform(Target.InputTransformer transformer, Delivery delivery) {
        Map<String, Optional<JsonNode>> values = new HashMap<>();
        transformer.inputPathsMap().forEach((name, path) -> values.put(name,
                JsonPath.parse(path).flatMap(p -> p.select(delivery.event()))));
        String template = transformer.inputTemplate();
        String trimmed = template.stripLeading();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        StringBuilder out = new StringBuilder(template.length() + 64);
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            int end = c == '<' ? template.indexOf('>', i + 1) : -1;
            String replacement = end > i ? replacement(template.substring(i + 1, end), values, delivery, json, inString) : null;
            if (replacement == null) {
                out.append(c);
            } else {
                out.append(replacement);
                i = end;
            }
        }
        return out.toString();
    }

    private static String replacement(String name, Map<String, Optional<JsonNode>> values, Delivery delivery,
            boolean json, boolean inString) {
        switch (name) {
            case EVENT_JSON -> { return delivery.eventText(); }
            case EVENT -> { return withoutDetail(delivery.event()); }
            case RULE_NAME -> { return text(delivery.ruleName(), json, inString); }
            case RULE_ARN -> { return text(delivery.ruleArn(), json, inString); }
            case INGESTION_TIME -> { return text(delivery.ingestionTime(), json, inString); }
            default -> { }
        }
        Optional<JsonNode> value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return json && !inString ? "null" : "";
        }
        JsonNode node = value.get();
        return node.isTextual() ? text(node.asText(), json, inString) : nonText(node.toString(), json, inString);
    }

    private static String text(String value, boolean json, boolean inString) {
        if (!json) {
            return value;
        }
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
        return inString ? escaped : '"' + escaped + '"';
    }

    private static String nonText(String jsonText, boolean json, boolean inString) {
        return json && inString ? new String(JsonStringEncoder.getInstance().quoteAsString(jsonText)) : jsonText;
    }

    private static String withoutDetail(JsonNode event) {
        if (!event.isObject()) {
            return event.toString();
        }
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        copy.remove("detail");
        return copy.toString();
    }
}
