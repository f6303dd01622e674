package io.watchpost.logs.metricfilter;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;

/**
 * The rules of a metric transformation: the model constraints, then AWS's semantic rules (a number or a field
 * selector as the value, dimensions from selectors only, at most three, never together with a default value).
 */
final class MetricTransformationRules {
    static final Pattern METRIC_NAME = Pattern.compile("[^:*$]*");
    static final int METRIC_NAME_MAX = 255;
    static final int METRIC_VALUE_MAX = 100;
    static final int DIMENSION_MAX = 255;
    static final int MAX_DIMENSIONS = 3;
    /** A decimal literal as AWS's examples write them ("1", "0.5", "-2", "1e3"). */
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** {@code $.path} of a JSON event, or {@code $name} / {@code $N} of a space-delimited event. */
    static final Pattern SELECTOR = Pattern.compile("\\$(\\.\\S+|[A-Za-z0-9_]+)");
    static final List<String> UNITS = Arrays.stream(StandardUnit.values())
            .filter(unit -> unit != StandardUnit.UNKNOWN_TO_SDK_VERSION)
            .map(StandardUnit::toString)
            .toList();

    private MetricTransformationRules() {}

    /** Model constraints of the {@code metricTransformations} member. */
    static void checkModel(ConstraintViolations errors, List<MetricTransformation> transformations) {
        if (transformations == null) {
            errors.missing("metricTransformations");
            return;
        }
        if (transformations.size() > 1) {
            errors.violated("metricTransformations", "Member must have length less than or equal to 1");
        }
        if (transformations.isEmpty()) {
            errors.violated("metricTransformations", "Member must have length greater than or equal to 1");
        }
        for (int i = 0; i < transformations.size(); i++) {
            checkOne(errors, "metricTransformations." + (i + 1) + ".member.", transformations.get(i));
        }
    }

    private static void checkOne(ConstraintViolations errors, String at, MetricTransformation t) {
        if (t == null) {
            errors.missing(at.substring(0, at.length() - 1));
            return;
        }
        checkRequired(errors, at + "metricName", t.metricName(), METRIC_NAME_MAX, METRIC_NAME);
        checkRequired(errors, at + "metricNamespace", t.metricNamespace(), METRIC_NAME_MAX, METRIC_NAME);
        checkRequired(errors, at + "metricValue", t.metricValue(), METRIC_VALUE_MAX, null);
        errors.checkEnum(at + "unit", t.unitAsString(), UNITS);
        if (t.hasDimensions()) {
            for (Map.Entry<String, String> dimension : t.dimensions().entrySet()) {
                errors.checkString(at + "dimensions", dimension.getKey(), 0, DIMENSION_MAX, null);
                errors.checkString(at + "dimensions", dimension.getValue(), 0, DIMENSION_MAX, null);
            }
        }
    }

    private static void checkRequired(ConstraintViolations errors, String member, String value, int max,
            Pattern pattern) {
        if (value == null) {
            errors.missing(member);
        }
        errors.checkString(member, value, 0, max, pattern);
    }

    /**
     * AWS's semantic rules, after the model constraints passed. The exclusivity and selector messages are AWS's
     * (quoted in public deployment reports); the metric-value and dimension-count messages are not confirmed.
     */
    static void checkSemantics(MetricTransformation t) {
        String value = t.metricValue();
        if (!NUMBER.matcher(value).matches() && !SELECTOR.matcher(value).matches()) {
            throw invalid("Invalid metric transformation: metric value " + value + " must be a valid number");
        }
        if (t.defaultValue() != null && !Double.isFinite(t.defaultValue())) {
            throw invalid("Invalid metric transformation: default value must be a valid number");
        }
        if (!t.hasDimensions() || t.dimensions().isEmpty()) {
            return;
        }
        if (t.defaultValue() != null) {
            throw invalid("Invalid metric transformation: dimensions and default value are mutually exclusive "
                    + "properties");
        }
        if (t.dimensions().size() > MAX_DIMENSIONS) {
            throw invalid("Invalid metric transformation: a maximum of " + MAX_DIMENSIONS
                    + " dimensions is allowed");
        }
        for (String selector : t.dimensions().values()) {
            if (selector == null || !SELECTOR.matcher(selector).matches()) {
                throw invalid("Invalid metric transformation: dimension value must be valid selector");
            }
        }
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.LOGS_INVALID_PARAMETER, message);
    }
}
