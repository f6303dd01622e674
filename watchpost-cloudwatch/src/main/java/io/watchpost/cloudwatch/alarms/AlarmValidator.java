package io.watchpost.cloudwatch.alarms;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * PutMetricAlarm's checks, in AWS's order: model constraints first (all reported at once as one ValidationError),
 * then the cross-field rules one at a time. Stateless.
 */
final class AlarmValidator {
    static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    static final Set<String> BAND_OPERATORS = Set.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    static final List<String> TREAT_MISSING = List.of("breaching", "notBreaching", "ignore", "missing");
    static final int MAX_ACTIONS = 5;
    /** AWS: "You can associate as many as 50 tags with a CloudWatch resource" (same text as TagResource here). */
    static final int MAX_TAGS = 50;
    static final int ONE_DAY = 86_400;
    static final int SEVEN_DAYS = 604_800;
    private static final Pattern NAMESPACE = Pattern.compile("[^:].*", Pattern.DOTALL);
    private static final String NUMBER = "(?:\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final String BOUND = NUMBER + "%?";
    private static final Pattern EXTENDED = Pattern.compile("iqm|IQM|p(?:100(?:\\.0+)?|\\d{1,2}(?:\\.\\d+)?)"
            + "|(?:tm|wm|tc|ts)(?:100|\\d{1,2}(?:\\.\\d+)?)"
            + "|(?:TM|WM|TC|TS|PR|tm|wm|tc|ts|pr)\\((?:" + BOUND + ")?:(?:" + BOUND + ")?\\)");

    private AlarmValidator() {}

    /** Model constraints of the request (lengths, ranges, enums, required members). */
    static void checkModel(PutMetricAlarmRequest r) {
        Violations v = new Violations();
        if (r.alarmName() == null) {
            v.missing("alarmName");
        }
        v.checkString("alarmName", r.alarmName(), 1, 255, null);
        v.checkString("alarmDescription", r.alarmDescription(), 0, 1024, null);
        actions(v, "oKActions", r.okActions());
        actions(v, "alarmActions", r.alarmActions());
        actions(v, "insufficientDataActions", r.insufficientDataActions());
        v.checkString("metricName", r.metricName(), 1, 255, null);
        v.checkString("namespace", r.namespace(), 1, 255, NAMESPACE);
        v.checkEnum("statistic", r.statisticAsString(), STATISTICS);
        if (r.dimensions().size() > 30) {
            v.violated("dimensions", "Member must have length less than or equal to 30");
        }
        for (int i = 0; i < r.dimensions().size(); i++) {
            Dimension d = r.dimensions().get(i);
            String m = "dimensions." + (i + 1) + ".member";
            if (d == null || d.name() == null) {
                v.missing(m + ".name");
            }
            if (d == null || d.value() == null) {
                v.missing(m + ".value");
            }
            if (d != null) {
                v.checkString(m + ".name", d.name(), 1, 255, null);
                v.checkString(m + ".value", d.value(), 1, 1024, null);
            }
        }
        v.checkRange("period", r.period(), 1, Integer.MAX_VALUE);
        v.checkEnum("unit", r.unitAsString(), units());
        v.checkRange("evaluationPeriods", r.evaluationPeriods(), 1, Integer.MAX_VALUE);
        v.checkRange("datapointsToAlarm", r.datapointsToAlarm(), 1, Integer.MAX_VALUE);
        v.checkEnum("comparisonOperator", r.comparisonOperatorAsString(), OPERATORS);
        v.checkString("treatMissingData", r.treatMissingData(), 1, 255, null);
        v.checkString("evaluateLowSampleCountPercentile", r.evaluateLowSampleCountPercentile(), 1, 255, null);
        v.checkString("thresholdMetricId", r.thresholdMetricId(), 1, 255, null);
        tags(v, r.tags());
        for (int i = 0; i < r.metrics().size(); i++) {
            if (r.metrics().get(i) == null) {
                v.missing("metrics." + (i + 1) + ".member");
            }
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
    }

    /** The cross-field rules AWS applies after the model constraints. */
    static void checkRules(PutMetricAlarmRequest r) {
        // The current model requires only AlarmName (EvaluationCriteria alarms need neither of these), so their
        // absence is a service-level error rather than a model violation.
        if (r.evaluationPeriods() == null) {
            throw new AwsException(AwsError.CW_MISSING_PARAMETER, "The parameter EvaluationPeriods is required.");
        }
        if (r.comparisonOperator() == null) {
            throw new AwsException(AwsError.CW_MISSING_PARAMETER, "The parameter ComparisonOperator is required.");
        }
        boolean math = r.hasMetrics() && !r.metrics().isEmpty();
        if (BAND_OPERATORS.contains(r.comparisonOperatorAsString()) || r.thresholdMetricId() != null) {
            throw invalid("Anomaly detection alarms (ThresholdMetricId, ComparisonOperator "
                    + r.comparisonOperatorAsString() + ") are not supported by Watchpost.");
        }
        if (math && r.metricName() != null) {
            throw combination("The parameters MetricName and Metrics are mutually exclusive and you must specify "
                    + "one or the other.");
        }
        if (math) {
            checkMath(r);
        } else {
            checkSingleMetric(r);
        }
        if (r.threshold() == null) {
            throw validation("Threshold must be specified for alarms without ThresholdMetricId.");
        }
        if (r.tags().size() > MAX_TAGS) {
            throw invalid("A resource can have at most " + MAX_TAGS + " tags.");
        }
        int periods = r.evaluationPeriods();
        if (r.datapointsToAlarm() != null && r.datapointsToAlarm() > periods) {
            throw validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }
        if (r.treatMissingData() != null && !TREAT_MISSING.contains(r.treatMissingData())) {
            throw validation("Supported values for TreatMissingData are: " + String.join(", ", TREAT_MISSING));
        }
        String low = r.evaluateLowSampleCountPercentile();
        if (low != null && !low.equals("evaluate") && !low.equals("ignore")) {
            throw validation("Option " + low + " is not supported. Supported options for parameter "
                    + "EvaluateLowSampleCountPercentile are evaluate and ignore.");
        }
    }

    private static void checkSingleMetric(PutMetricAlarmRequest r) {
        if (r.metricName() == null) {
            throw validation("One of the parameters MetricName or Metrics must be specified.");
        }
        if (r.namespace() == null) {
            throw new AwsException(AwsError.CW_MISSING_PARAMETER, "The parameter Namespace is required.");
        }
        boolean stat = r.statistic() != null;
        boolean extended = r.extendedStatistic() != null;
        if (stat && extended) {
            throw combination("The parameters Statistic and ExtendedStatistic are mutually exclusive and you must "
                    + "specify one or the other.");
        }
        if (!stat && !extended) {
            throw combination("One of the parameters Statistic or ExtendedStatistic must be specified.");
        }
        if (extended && !EXTENDED.matcher(r.extendedStatistic()).matches()) {
            throw invalid("The value " + r.extendedStatistic() + " for parameter ExtendedStatistic is not supported.");
        }
        if (r.evaluateLowSampleCountPercentile() != null && !(extended && r.extendedStatistic().startsWith("p"))) {
            throw validation("Option EvaluateLowSampleCountPercentile can only be used with a percentile "
                    + "ExtendedStatistic.");
        }
        if (r.period() == null) {
            throw new AwsException(AwsError.CW_MISSING_PARAMETER, "The parameter Period is required.");
        }
        checkPeriod(r.period(), r.evaluationPeriods());
        if (r.dimensions().stream().map(Dimension::name).distinct().count() < r.dimensions().size()) {
            throw invalid("No Metric may specify the same dimension twice.");
        }
    }

    private static void checkMath(PutMetricAlarmRequest r) {
        if (r.namespace() != null || r.statistic() != null || r.extendedStatistic() != null || r.period() != null
                || r.hasDimensions() && !r.dimensions().isEmpty() || r.unit() != null) {
            throw combination("The parameters Namespace, Statistic, ExtendedStatistic, Period, Dimensions and Unit "
                    + "must not be specified together with Metrics.");
        }
        List<MetricDataQuery> queries = r.metrics();
        long returning = queries.stream().filter(q -> q == null || q.returnData() == null || q.returnData()).count();
        if (returning != 1) {
            throw validation("Exactly one element of the metrics list should return data.");
        }
        io.watchpost.cloudwatch.math.MetricMath.validate(queries);
        checkPeriod(AlarmConversions.fromRequest(r, 0, "INSUFFICIENT_DATA").effectivePeriod(), r.evaluationPeriods());
    }

    static void checkPeriod(int period, int evaluationPeriods) {
        if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
            throw validation("Period must be 10, 20, 30 or a multiple of 60.");
        }
        long range = (long) period * evaluationPeriods;
        if (period < 3600 && range > ONE_DAY) {
            throw validation("Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be "
                    + "<= 86400)");
        }
        if (range > SEVEN_DAYS) {
            throw validation("Metrics cannot be checked across more than 7 days (EvaluationPeriods * Period must "
                    + "be <= 604800)");
        }
    }

    private static void actions(Violations v, String member, List<String> actions) {
        if (actions.size() > MAX_ACTIONS) {
            v.violated(member, "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        for (int i = 0; i < actions.size(); i++) {
            v.checkString(member + "." + (i + 1) + ".member", actions.get(i), 1, 1024, null);
        }
    }

    static void tags(Violations v, List<Tag> tags) {
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            String m = "tags." + (i + 1) + ".member";
            if (t == null || t.key() == null) {
                v.missing(m + ".key");
            }
            if (t == null || t.value() == null) {
                v.missing(m + ".value");
            }
            if (t != null) {
                v.checkString(m + ".key", t.key(), 1, 128, null);
                v.checkString(m + ".value", t.value(), 0, 256, null);
            }
        }
    }

    private static List<String> units() {
        return java.util.Arrays.stream(StandardUnit.values()).filter(u -> u != StandardUnit.UNKNOWN_TO_SDK_VERSION)
                .map(StandardUnit::toString).toList();
    }

    static AwsException validation(String message) {
        return new AwsException(AwsError.CW_VALIDATION_ERROR, message);
    }

    static AwsException invalid(String message) {
        return new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE, message);
    }

    static AwsException combination(String message) {
        return new AwsException(AwsError.CW_INVALID_PARAMETER_COMBINATION, message);
    }
}
