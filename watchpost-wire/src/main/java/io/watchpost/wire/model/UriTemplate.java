package io.watchpost.wire.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST URI template such as {@code /v1/registries/name/{RegistryName}/schemas/name/{SchemaName}} or
 * {@code /{Bucket}/{Key+}}. Matching works on path segments; a template's literal query part (for example
 * {@code ?tagging}) must be present in the request's query. Literal segments outrank variables, so the most
 * specific template wins when several match.
 */
public final class UriTemplate {
    private final String text;
    private final List<String> segments;
    private final List<String> requiredQuery;

    private UriTemplate(String text, List<String> segments, List<String> requiredQuery) {
        this.text = text;
        this.segments = segments;
        this.requiredQuery = requiredQuery;
    }

    public static UriTemplate parse(String template) {
        int question = template.indexOf('?');
        String path = question < 0 ? template : template.substring(0, question);
        List<String> query = new ArrayList<>();
        if (question >= 0) {
            for (String part : template.substring(question + 1).split("&")) {
                if (!part.isEmpty()) {
                    query.add(part.split("=", 2)[0]);
                }
            }
        }
        return new UriTemplate(template, split(path), List.copyOf(query));
    }

    public String text() {
        return text;
    }

    /** Literal segments count double, so {@code /a/b} beats {@code /a/{x}}; used to pick among matches. */
    public int specificity() {
        int score = requiredQuery.size();
        for (String segment : segments) {
            score += isVariable(segment) ? 1 : 2;
        }
        return score;
    }

    /** Matches a raw (percent-encoded) path; returns the decoded variable values. */
    public Optional<Map<String, String>> match(String rawPath, Map<String, List<String>> query) {
        for (String name : requiredQuery) {
            if (!query.containsKey(name)) {
                return Optional.empty();
            }
        }
        List<String> actual = split(rawPath);
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                // split() drops a trailing "/", but in an S3 key ("logs/") it is part of the value.
                if (rawPath.endsWith("/") && !rest.isEmpty()) {
                    rest += "/";
                }
                variables.put(segment.substring(1, segment.length() - 2), decode(rest));
                return Optional.of(variables);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (isVariable(segment)) {
                if (actual.get(i).isEmpty()) {
                    return Optional.empty();
                }
                variables.put(segment.substring(1, segment.length() - 1), decode(actual.get(i)));
            } else if (!segment.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(variables) : Optional.empty();
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            parts.add(part);
        }
        // "/a/b" -> ["", "a", "b"]; drop the leading empty segment and a trailing one from "/a/".
        if (!parts.isEmpty() && parts.get(0).isEmpty()) {
            parts.remove(0);
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
