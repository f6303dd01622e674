package io.watchpost.events.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON path subset EventBridge evaluates in {@code InputPath} and {@code InputPathsMap}: {@code $}, dot names
 * (letters, digits, dashes, underscores, slashes), bracketed quoted names, array indices and {@code *} wildcards.
 * A path with a wildcard selects an array of every match; otherwise one value or nothing. Immutable.
 */
public final class JsonPath {
    private sealed interface Step permits Name, Index, Wildcard {}

    private record Name(String name) implements Step {}

    private record Index(int index) implements Step {}

    private record Wildcard() implements Step {}

    private final List<Step> steps;
    private final boolean multi;

    private JsonPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.multi = steps.stream().anyMatch(step -> step instanceof Wildcard);
    }

    /** Parses {@code text}, or returns empty when it is not a path EventBridge accepts. */
    public static Optional<JsonPath> parse(String text) {
        if (text == null || !text.startsWith("$")) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            int next = text.charAt(i) == '.' ? dotStep(text, i + 1, steps) : text.charAt(i) == '[' ? bracketStep(text, i + 1, steps) : -1;
            if (next < 0) {
                return Optional.empty();
            }
            i = next;
        }
        return Optional.of(new JsonPath(steps));
    }

    private static int dotStep(String text, int from, List<Step> steps) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
        }
        String name = text.substring(from, end);
        if (name.isEmpty()) {
            return -1;
        }
        steps.add(name.equals("*") ? new Wildcard() : new Name(name));
        return end;
    }

    private static int bracketStep(String text, int from, List<Step> steps) {
        int close = text.indexOf(']', from);
        if (close < 0) {
            return -1;
        }
        String inside = text.substring(from, close).trim();
        if (inside.equals("*")) {
            steps.add(new Wildcard());
        } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
            steps.add(new Name(inside.substring(1, inside.length() - 1)));
        } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit) && inside.length() < 10) {
            steps.add(new Index(Integer.parseInt(inside)));
        } else {
            return -1;
        }
        return close + 1;
    }

    /** The selected value: one node, an array of every match when the path has a wildcard, or empty. */
    public Optional<JsonNode> select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        if (multi) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            current.forEach(array::add);
            return Optional.of(array);
        }
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
    }

    private static void apply(Step step, JsonNode node, List<JsonNode> out) {
        switch (step) {
            case Name name -> {
                JsonNode child = node.isObject() ? node.get(name.name()) : null;
                if (child != null) {
                    out.add(child);
                }
            }
            case Index index -> {
                if (node.isArray() && index.index() < node.size()) {
                    out.add(node.get(index.index()));
                }
            }
            case Wildcard wildcard -> node.elements().forEachRemaining(out::add);
        }
    }
}
