package io.watchpost.events;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects model-constraint violations and reports them the way AWS's request validation does:
 * {@code N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: Member must ...},
 * violations joined by {@code "; "}, in the order the members appear in the model. Null values pass every check
 * except {@link #required}, as in AWS. Public so that the sub-packages ({@code rules}, {@code targets}) phrase their
 * violations the same way; not thread-safe (one instance per request).
 */
public final class Violations {
    private final List<String> messages = new ArrayList<>();

    public Violations required(String path, Object value) {
        if (value == null) {
            messages.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public Violations length(String path, String value, int min, int max) {
        if (value != null && value.length() > max) {
            add(path, value, "Member must have length less than or equal to " + max);
        }
        if (value != null && value.length() < min) {
            add(path, value, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    /** AWS matches the whole value against the model's pattern, and quotes the pattern as the model spells it. */
    public Violations pattern(String path, String value, Pattern regex) {
        if (value != null && !regex.matcher(value).matches()) {
            add(path, value, "Member must satisfy regular expression pattern: " + regex.pattern());
        }
        return this;
    }

    public Violations range(String path, Integer value, int min, int max) {
        if (value != null && value > max) {
            add(path, value, "Member must have value less than or equal to " + max);
        }
        if (value != null && value < min) {
            add(path, value, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    public Violations oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, value, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /** A violation phrased by the caller (for example a list-size constraint, whose value AWS renders as a list). */
    public Violations custom(String message) {
        messages.add(message);
        return this;
    }

    public void throwIfAny(AwsError error) {
        if (messages.isEmpty()) {
            return;
        }
        int count = messages.size();
        String header = count + (count == 1 ? " validation error detected: " : " validation errors detected: ");
        throw new AwsException(error, header + String.join("; ", messages));
    }

    private void add(String path, Object value, String constraint) {
        messages.add("Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint);
    }
}
