package io.watchpost.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects model-constraint violations of one request and reports them the way AWS's request validation does:
 * {@code "N validation error(s) detected: Value at 'member' failed to satisfy constraint: ...; ..."}, in member
 * order. Values are not echoed (AWS redacts them), except {@code null} for a missing required member. Every
 * service reports its model constraints through this one class (each with its own error code).
 */
public final class ConstraintViolations {
    private final List<String> violations = new ArrayList<>();

    public void violated(String member, String constraint) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    public void missing(String member) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    /** Checks a string member against its model length bounds and (full-match) pattern; null means absent. */
    public void checkString(String member, String value, int min, int max, Pattern pattern) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            violated(member, "Member must have length less than or equal to " + max);
        }
        if (value.length() < min) {
            violated(member, "Member must have length greater than or equal to " + min);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            violated(member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    public void checkRange(String member, Integer value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            violated(member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            violated(member, "Member must have value less than or equal to " + max);
        }
    }

    public void checkEnum(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violated(member, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    /** Throws the collected violations as one error of the given code, if there are any. */
    public void throwIfAny(AwsError error) {
        if (violations.isEmpty()) {
            return;
        }
        int count = violations.size();
        String head = count + " validation error" + (count == 1 ? "" : "s") + " detected: ";
        throw new AwsException(error, head + String.join("; ", violations));
    }
}
