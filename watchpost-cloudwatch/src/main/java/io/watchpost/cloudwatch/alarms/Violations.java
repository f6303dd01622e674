package io.watchpost.cloudwatch.alarms;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Model-constraint violations of one alarm request, reported as CloudWatch does: {@code "N validation error(s)
 * detected: Value at 'member' failed to satisfy constraint: ...; ..."}. Unlike the core collector, an enum violation
 * echoes the value, as a captured SetAlarmState answer shows: {@code Value 'INVALID' at 'stateValue' failed to
 * satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]}.
 */
final class Violations {
    private final List<String> violations = new ArrayList<>();

    void violated(String member, String constraint) {
        violations.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    void missing(String member) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    void checkString(String member, String value, int min, int max, Pattern pattern) {
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

    void checkRange(String member, Integer value, int min, int max) {
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

    void checkEnum(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    void throwIfAny(AwsError error) {
        if (violations.isEmpty()) {
            return;
        }
        int count = violations.size();
        String head = count + " validation error" + (count == 1 ? "" : "s") + " detected: ";
        throw new AwsException(error, head + String.join("; ", violations));
    }
}
