package io.watchpost.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Condition} block of a bus-policy statement, as IAM evaluates it for the keys Watchpost knows
 * ({@link BusPolicy.PutEventsCall#conditionValues}): every operator and every key in it must hold. Operators:
 * StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike,
 * ArnEquals, ArnNotEquals, ArnLike, ArnNotLike, each optionally {@code ...IfExists}. A key the call has no value for
 * fails a positive operator and satisfies a negated one (IAM's rule); an unknown operator never holds.
 */
final class PolicyConditions {
    private static final java.util.Set<String> KNOWN = java.util.Set.of("StringEquals", "ArnEquals",
            "StringEqualsIgnoreCase", "StringLike", "ArnLike");

    private PolicyConditions() {}

    static boolean hold(JsonNode condition, Map<String, String> values) {
        if (condition.isMissingNode() || condition.isNull()) {
            return true;
        }
        if (!condition.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> op : condition.properties()) {
            if (!op.getValue().isObject()) {
                return false;  // a malformed operator block proves nothing: the statement does not apply
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                if (!holds(op.getKey(), values.get(key.getKey().toLowerCase(Locale.ROOT)), key.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, String actual, JsonNode expected) {
        boolean ifExists = operator.endsWith("IfExists");
        String op = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        boolean negated = op.contains("Not");
        String positive = op.replace("Not", "");
        if (!KNOWN.contains(positive)) {
            return false;
        }
        if (actual == null) {
            return negated || ifExists;
        }
        boolean any = false;
        for (JsonNode value : expected.isArray() ? expected : java.util.List.of(expected)) {
            any |= matches(positive, actual, value.asText());
        }
        return negated != any;
    }

    private static boolean matches(String op, String actual, String expected) {
        return switch (op) {
            case "StringEquals", "ArnEquals" -> actual.equals(expected);
            case "StringEqualsIgnoreCase" -> actual.equalsIgnoreCase(expected);
            case "StringLike", "ArnLike" -> like(actual, expected);
            default -> false;
        };
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one character. */
    static boolean like(String text, String pattern) {
        int t = 0;
        int p = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
