package io.watchpost.cloudwatch;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects model-constraint violations of one request and reports them as CloudWatch's request validation does:
 * a {@code ValidationError} reading {@code "N validation error(s) detected: Value at 'member' failed to satisfy
 * constraint: ...; ..."}, members named in lower camel case, values redacted except {@code null}.
 */
final class ValidationErrors {
    private final List<String> violations = new ArrayList<>();

    void missing(String member) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
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
