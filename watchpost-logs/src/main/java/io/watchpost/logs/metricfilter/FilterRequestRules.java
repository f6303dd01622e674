package io.watchpost.logs.metricfilter;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.logs.filter.FilterPattern;
import java.util.regex.Pattern;

/**
 * Model constraints (botocore logs 2014-03-28) shared by the metric- and subscription-filter operations, and the
 * messages AWS answers for them. Public only so that the subscription room can use it.
 */
public final class FilterRequestRules {
    public static final Pattern LOG_GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    public static final Pattern FILTER_NAME = Pattern.compile("[^:*]*");
    public static final int NAME_MAX = 512;
    public static final int DESCRIBE_LIMIT_MAX = 50;
    public static final int FIELD_SELECTION_MAX = 2000;
    /** Recorded from AWS (LocalStack snapshots, 2026) for both filter kinds. */
    public static final String LIMIT_EXCEEDED = "Resource limit exceeded.";
    public static final String GROUP_NOT_FOUND = "The specified log group does not exist.";

    private FilterRequestRules() {}

    /**
     * A required log group name. An over-long name is refused on its own with the service's message (recorded:
     * DeleteMetricFilter with 513 characters), before the other constraints.
     */
    public static void checkLogGroupName(ConstraintViolations errors, String name) {
        if (name == null) {
            errors.missing("logGroupName");
            return;
        }
        if (name.length() > NAME_MAX) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Invalid LogGroup or LogStream, both must have length less than or equal to " + NAME_MAX + ".");
        }
        errors.checkString("logGroupName", name, 1, NAME_MAX, LOG_GROUP_NAME);
    }

    /** A filter name ({@code filterName} or {@code filterNamePrefix}); required when {@code required}. */
    public static void checkFilterName(ConstraintViolations errors, String member, String name, boolean required) {
        if (name == null && required) {
            errors.missing(member);
        }
        errors.checkString(member, name, 1, NAME_MAX, FILTER_NAME);
    }

    /** A required filter pattern: present and within AWS's length (compiled later, by the caller). */
    public static void checkFilterPattern(ConstraintViolations errors, String pattern) {
        if (pattern == null) {
            errors.missing("filterPattern");
        }
        errors.checkString("filterPattern", pattern, 0, FilterPattern.MAX_LENGTH, null);
    }
}
