package io.watchpost.cloudwatch.math;

import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Checks a GetMetricData request against the model and CloudWatch's rules before any data is read: at most
 * {@value #MAX_QUERIES} queries, Ids matching {@code ^[a-z][a-zA-Z0-9_]*$} and unique, exactly one of MetricStat and
 * Expression, valid statistics, periods of 1, 5, 10, 20, 30 or a multiple of 60, StartTime before EndTime.
 */
final class RequestValidator {
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    private static final Pattern ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");
    private static final Pattern TIMEZONE = Pattern.compile("[+-](?:[01]\\d|2[0-3])[0-5]\\d");
    private static final int MAX_DIMENSIONS = 30;

    private RequestValidator() {}

    static ValidatedRequest validate(GetMetricDataRequest request) {
        Violations violations = new Violations();
        if (!request.hasMetricDataQueries() || request.metricDataQueries().isEmpty()) {
            violations.missingMember("metricDataQueries");
        }
        if (request.startTime() == null) {
            violations.missingMember("startTime");
        }
        if (request.endTime() == null) {
            violations.missingMember("endTime");
        }
        violations.throwIfAny();
        List<MetricDataQuery> queries = request.metricDataQueries();
        if (queries.size() > MAX_QUERIES) {
            violations.add("The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
            violations.throwIfAny();
        }
        List<QuerySpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < queries.size(); i++) {
            query(queries.get(i), i + 1, violations, seen).ifPresent(specs::add);
        }
        if (!request.startTime().isBefore(request.endTime())) {
            violations.add("The parameter StartTime must be less than the parameter EndTime.");
        }
        int maxDatapoints = request.maxDatapoints() == null ? DEFAULT_MAX_DATAPOINTS : request.maxDatapoints();
        if (maxDatapoints <= 0) {
            violations.invalid(String.valueOf(maxDatapoints), "MaxDatapoints", "must be greater than 0");
        }
        if (request.scanBy() == ScanBy.UNKNOWN_TO_SDK_VERSION) {
            violations.invalid(request.scanByAsString(), "ScanBy",
                    "must be one of: TimestampDescending, TimestampAscending");
        }
        ZoneOffset timezone = timezone(request, violations);
        violations.throwIfAny();
        return new ValidatedRequest(specs, request.startTime(), request.endTime(),
                request.scanBy() == ScanBy.TIMESTAMP_ASCENDING, maxDatapoints, timezone);
    }

    private static ZoneOffset timezone(GetMetricDataRequest request, Violations violations) {
        String tz = request.labelOptions() == null ? null : request.labelOptions().timezone();
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        if (!TIMEZONE.matcher(tz).matches()) {
            violations.invalid(tz, "LabelOptions.Timezone", "is not a valid time zone offset");
            return ZoneOffset.UTC;
        }
        int hours = Integer.parseInt(tz.substring(1, 3));
        int minutes = Integer.parseInt(tz.substring(3, 5));
        int sign = tz.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static Optional<QuerySpec> query(MetricDataQuery query, int member, Violations violations, Set<String> seen) {
        String prefix = "MetricDataQueries.member." + member;
        if (query == null) {
            violations.required(prefix);
            return Optional.empty();
        }
        String id = query.id();
        if (id == null) {
            violations.required(prefix + ".Id");
        } else if (id.length() > 255 || !ID.matcher(id).matches()) {
            violations.invalid(id, prefix + ".Id", "is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$");
        } else if (!seen.add(id)) {
            violations.invalid(id, prefix + ".Id", "is not unique in the request");
        }
        if (query.period() != null && !validPeriod(query.period())) {
            violations.invalid(String.valueOf(query.period()), prefix + ".Period",
                    "must be 1, 5, 10, 20, 30 or a multiple of 60");
        }
        boolean returnData = query.returnData() == null || query.returnData();
        Optional<String> label = Optional.ofNullable(query.label());
        if (query.metricStat() != null && query.expression() != null) {
            violations.add("The parameters MetricDataQuery Expression and MetricStat are mutually exclusive and you"
                    + " have specified both.");
            return Optional.empty();
        }
        if (query.expression() != null) {
            return expression(query, member, id, label, returnData, violations);
        }
        if (query.metricStat() == null) {
            violations.required(prefix + ".MetricStat");
            return Optional.empty();
        }
        return metric(query.metricStat(), member, id, label, returnData, Optional.ofNullable(query.accountId()),
                violations);
    }

    private static Optional<QuerySpec> expression(MetricDataQuery query, int member, String id, Optional<String> label,
            boolean returnData, Violations violations) {
        String expression = query.expression();
        if (expression.isEmpty() || expression.length() > ExpressionParser.MAX_LENGTH) {
            violations.invalid(null, "MetricDataQueries.member." + member + ".Expression",
                    "must be between 1 and " + ExpressionParser.MAX_LENGTH + " characters long");
            return Optional.empty();
        }
        OptionalInt period = query.period() == null ? OptionalInt.empty() : OptionalInt.of(query.period());
        return id == null ? Optional.empty()
                : Optional.of(new QuerySpec.ExpressionQuery(member, id, label, returnData, expression, period));
    }

    private static Optional<QuerySpec> metric(MetricStat stat, int member, String id, Optional<String> label,
            boolean returnData, Optional<String> accountId, Violations violations) {
        String prefix = "MetricDataQueries.member." + member + ".MetricStat";
        int before = violationCount(violations);
        if (stat.metric() == null) {
            violations.required(prefix + ".Metric");
        } else {
            if (stat.metric().namespace() == null) {
                violations.required(prefix + ".Metric.Namespace");
            }
            if (stat.metric().metricName() == null) {
                violations.required(prefix + ".Metric.MetricName");
            }
        }
        Map<String, String> dimensions = dimensions(stat, prefix, violations);
        if (!Statistics.isValid(stat.stat())) {
            violations.invalid(stat.stat(), prefix + ".Stat", "is not a valid statistic");
        }
        if (stat.period() == null) {
            violations.required(prefix + ".Period");
        } else if (!validPeriod(stat.period())) {
            violations.invalid(String.valueOf(stat.period()), prefix + ".Period",
                    "must be 1, 5, 10, 20, 30 or a multiple of 60");
        }
        if (stat.unit() == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            violations.invalid(stat.unitAsString(), prefix + ".Unit", "is not a valid unit");
        }
        if (id == null || violationCount(violations) != before) {
            return Optional.empty();
        }
        MetricIdentity metric = new MetricIdentity(stat.metric().namespace(), stat.metric().metricName(), dimensions);
        return Optional.of(new QuerySpec.MetricQuery(member, id, label, returnData, metric, stat.stat(),
                stat.period(), Optional.ofNullable(stat.unitAsString()), accountId));
    }

    private static Map<String, String> dimensions(MetricStat stat, String prefix, Violations violations) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stat.metric() == null || !stat.metric().hasDimensions()) {
            return out;
        }
        List<Dimension> dims = stat.metric().dimensions();
        if (dims.size() > MAX_DIMENSIONS) {
            violations.add("The collection " + prefix + ".Metric.Dimensions must not have a size greater than "
                    + MAX_DIMENSIONS + ".");
        }
        for (int i = 0; i < dims.size(); i++) {
            Dimension dim = dims.get(i);
            String at = prefix + ".Metric.Dimensions.member." + (i + 1);
            if (dim == null || dim.name() == null) {
                violations.required(at + ".Name");
            } else if (dim.value() == null) {
                violations.required(at + ".Value");
            } else {
                out.put(dim.name(), dim.value());
            }
        }
        return out;
    }

    private static int violationCount(Violations violations) {
        return violations.count();
    }

    static boolean validPeriod(int period) {
        return period == 1 || period == 5 || period == 10 || period == 20 || period == 30
                || (period > 0 && period % 60 == 0);
    }
}
