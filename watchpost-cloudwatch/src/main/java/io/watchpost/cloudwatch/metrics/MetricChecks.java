package io.watchpost.cloudwatch.metrics;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** Checks and conversions shared by the metric operations: namespace, dimensions, units. */
final class MetricChecks {
    static final int MAX_NAME = 255;
    static final int MAX_DIMENSION_VALUE = 1024;
    static final int MAX_DIMENSIONS = 30;
    static final String NAMESPACE_PATTERN = "[^:].*";
    static final String UNITS = Stream.of(StandardUnit.values())
            .filter(unit -> unit != StandardUnit.UNKNOWN_TO_SDK_VERSION)
            .map(StandardUnit::toString).collect(Collectors.joining(", "));

    private MetricChecks() {}

    static void namespace(ModelViolations violations, String member, String namespace, boolean required) {
        violations.string(member, namespace, required, 1, MAX_NAME);
        if (namespace != null && namespace.startsWith(":")) {
            violations.pattern(member, NAMESPACE_PATTERN);
        }
    }

    /** PutMetricData refuses AWS's own namespaces. */
    static void notReserved(String namespace) {
        if (namespace.startsWith("AWS/")) {
            throw invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
        }
    }

    static void dimensions(ModelViolations violations, String member, List<Dimension> dimensions) {
        if (dimensions.size() > MAX_DIMENSIONS) {
            violations.lengthAtMost(member, MAX_DIMENSIONS);
        }
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            String prefix = member + "." + (i + 1) + ".member";
            if (dimension == null) {
                violations.missing(prefix);
                continue;
            }
            violations.string(prefix + ".name", dimension.name(), true, 1, MAX_NAME);
            violations.string(prefix + ".value", dimension.value(), true, 1, MAX_DIMENSION_VALUE);
        }
    }

    /** The dimensions as a map; a name given twice is AWS's InvalidParameterValue. */
    static Map<String, String> dimensionMap(List<Dimension> dimensions) {
        Map<String, String> map = new TreeMap<>();
        for (Dimension dimension : dimensions) {
            if (map.put(dimension.name(), dimension.value()) != null) {
                throw invalidValue("No Metric may specify the same dimension twice.");
            }
        }
        return map;
    }

    static void unit(ModelViolations violations, String member, String unit) {
        if (unit != null && StandardUnit.fromValue(unit) == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            violations.enumValue(member, unit, UNITS);
        }
    }

    static AwsException invalidValue(String message) {
        return new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE, message);
    }

    static AwsException invalidCombination(String message) {
        return new AwsException(AwsError.CW_INVALID_PARAMETER_COMBINATION, message);
    }

    static AwsException missingParameter(String message) {
        return new AwsException(AwsError.CW_MISSING_PARAMETER, message);
    }
}
