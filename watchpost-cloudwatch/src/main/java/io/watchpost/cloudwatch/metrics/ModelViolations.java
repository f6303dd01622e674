package io.watchpost.cloudwatch.metrics;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations of the API model's constraints (required members, lengths, enums) and reports them as
 * CloudWatch's request validation does: one {@code ValidationError} reading {@code "N validation error(s) detected:
 * Value at 'member' failed to satisfy constraint: ...; ..."}, members in lower camel case with 1-based list
 * positions ({@code metricData.1.member.metricName}), values left out except {@code null}.
 */
final class ModelViolations {
    private final List<String> violations = new ArrayList<>();

    void missing(String member) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    void lengthAtMost(String member, int max) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: "
                + "Member must have length less than or equal to " + max);
    }

    void lengthAtLeast(String member, int min) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: "
                + "Member must have length greater than or equal to " + min);
    }

    void atLeast(String member, long min) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: "
                + "Member must have value greater than or equal to " + min);
    }

    void pattern(String member, String pattern) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: " + pattern);
    }

    void enumValue(String member, String value, String allowed) {
        violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [" + allowed + "]");
    }

    /** Checks a string's presence (when required) and length bounds. */
    void string(String member, String value, boolean required, int min, int max) {
        if (value == null) {
            if (required) {
                missing(member);
            }
            return;
        }
        if (value.length() < min) {
            lengthAtLeast(member, min);
        } else if (value.length() > max) {
            lengthAtMost(member, max);
        }
    }

    void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        int count = violations.size();
        String head = count + " validation error" + (count == 1 ? "" : "s") + " detected: ";
        throw new AwsException(AwsError.CW_VALIDATION_ERROR, head + String.join("; ", violations));
    }
}
