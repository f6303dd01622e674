package io.watchpost.xray;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects model-constraint violations and reports them the way AWS's request validation does:
 * {@code N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: Member must ...},
 * violations joined by {@code "; "}, in the order the members appear in the model. Null values pass every check
 * except {@link #required}, as in AWS.
 */
final class Violations {
    private final List<String> messages = new ArrayList<>();

    Violations required(String path, Object value) {
        if (value == null) {
            messages.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    Violations length(String path, String value, int min, int max) {
        if (value != null && value.length() > max) {
            add(path, value, "Member must have length less than or equal to " + max);
        }
        if (value != null && value.length() < min) {
            add(path, value, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    Violations range(String path, Integer value, int min, int max) {
        if (value != null && value > max) {
            add(path, value, "Member must have value less than or equal to " + max);
        }
        if (value != null && value < min) {
            add(path, value, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    Violations range(String path, Double value, double min, double max) {
        if (value != null && value > max) {
            add(path, value, "Member must have value less than or equal to " + bound(max));
        }
        if (value != null && value < min) {
            add(path, value, "Member must have value greater than or equal to " + bound(min));
        }
        return this;
    }

    Violations size(String path, Collection<?> value, int max) {
        if (value != null && value.size() > max) {
            add(path, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A map whose keys and values are strings of {@code min..max} characters, as AWS words its violations. */
    Violations stringMap(String path, Map<String, String> value, int maxEntries, int min, int max) {
        if (value == null) {
            return this;
        }
        if (value.size() > maxEntries) {
            add(path, value, "Member must have length less than or equal to " + maxEntries);
        }
        String bounds = "[Member must have length less than or equal to " + max
                + ", Member must have length greater than or equal to " + min + "]";
        if (value.keySet().stream().anyMatch(key -> key == null || key.length() < min || key.length() > max)) {
            add(path, value, "Map keys must satisfy constraint: " + bounds);
        }
        if (value.values().stream().anyMatch(v -> v == null || v.length() < min || v.length() > max)) {
            add(path, value, "Map value must satisfy constraint: " + bounds);
        }
        return this;
    }

    void throwIfAny(AwsError error) {
        if (messages.isEmpty()) {
            return;
        }
        int count = messages.size();
        String header = count + (count == 1 ? " validation error detected: " : " validation errors detected: ");
        throw new AwsException(error, header + String.join("; ", messages));
    }

    /** The model states bounds such as {@code 1}, not {@code 1.0}. */
    private static String bound(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private void add(String path, Object value, String constraint) {
        messages.add("Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint);
    }
}
