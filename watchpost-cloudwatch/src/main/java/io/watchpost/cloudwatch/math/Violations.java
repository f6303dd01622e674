package io.watchpost.cloudwatch.math;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one GetMetricData request. CloudWatch reports parameter problems as one
 * {@code ValidationError} whose message is one line per problem, each ending in a newline
 * ({@code The value X for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ...}).
 * Missing top-level members use the model-validation form ({@code 1 validation error detected: ...}).
 */
final class Violations {
    private final List<String> lines = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    void missingMember(String member) {
        missing.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    void required(String parameter) {
        add("The parameter " + parameter + " is required.");
    }

    void invalid(String value, String parameter, String problem) {
        add("The value " + (value == null || value.isEmpty() ? "" : value + " ") + "for parameter " + parameter
                + " " + problem + ".");
    }

    int count() {
        return lines.size() + missing.size();
    }

    void throwIfAny() {
        if (!missing.isEmpty()) {
            int count = missing.size();
            String head = count + " validation error" + (count == 1 ? "" : "s") + " detected: ";
            throw new AwsException(AwsError.CW_VALIDATION_ERROR, head + String.join("; ", missing));
        }
        if (!lines.isEmpty()) {
            StringBuilder message = new StringBuilder();
            lines.forEach(line -> message.append(line).append('\n'));
            throw new AwsException(AwsError.CW_VALIDATION_ERROR, message.toString());
        }
    }
}
