package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.cloudwatch.alarms.AlarmRecord.MathQuery;
import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The message CloudWatch publishes to an SNS topic action (the {@code Message} of the SNS notification): AlarmName,
 * AlarmDescription, AWSAccountId, timestamps as {@code yyyy-MM-dd'T'HH:mm:ss.SSS+0000}, the region's long name, the
 * three action lists and the {@code Trigger} (statistic in upper case, dimensions as lower-case name/value pairs).
 */
final class AlarmNotifications {
    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("eu-west-1", "EU (Ireland)"), Map.entry("eu-west-2", "EU (London)"),
            Map.entry("eu-west-3", "EU (Paris)"), Map.entry("eu-central-1", "EU (Frankfurt)"),
            Map.entry("eu-north-1", "EU (Stockholm)"), Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"), Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"), Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
            Map.entry("ca-central-1", "Canada (Central)"), Map.entry("sa-east-1", "South America (Sao Paulo)"));

    private AlarmNotifications() {}

    static String message(Scope scope, String arn, AlarmRecord a, AlarmState previous, AlarmState current) {
        ObjectNode n = StateReasons.JSON.createObjectNode();
        n.put("AlarmName", a.name());
        n.put("AlarmDescription", a.description());
        n.put("AWSAccountId", scope.accountId());
        n.put("AlarmConfigurationUpdatedTimestamp", time(a.configUpdatedMillis()));
        n.put("NewStateValue", current.value());
        n.put("NewStateReason", current.reason());
        n.put("StateChangeTime", time(current.updatedMillis()));
        n.put("Region", regionName(scope.region()));
        n.put("AlarmArn", arn);
        n.put("OldStateValue", previous.value());
        ArrayNode ok = n.putArray("OKActions");
        a.okActions().forEach(ok::add);
        ArrayNode alarm = n.putArray("AlarmActions");
        a.alarmActions().forEach(alarm::add);
        ArrayNode insufficient = n.putArray("InsufficientDataActions");
        a.insufficientDataActions().forEach(insufficient::add);
        n.set("Trigger", trigger(a));
        return n.toString();
    }

    /** A composite alarm's SNS message: the same envelope with {@code AlarmRule} instead of a Trigger. */
    static String compositeMessage(Scope scope, String arn, CompositeRecord a, AlarmState previous,
            AlarmState current) {
        ObjectNode n = StateReasons.JSON.createObjectNode();
        n.put("AlarmName", a.name());
        n.put("AlarmDescription", a.description());
        n.put("AWSAccountId", scope.accountId());
        n.put("AlarmConfigurationUpdatedTimestamp", time(a.configUpdatedMillis()));
        n.put("NewStateValue", current.value());
        n.put("NewStateReason", current.reason());
        n.put("StateChangeTime", time(current.updatedMillis()));
        n.put("Region", regionName(scope.region()));
        n.put("AlarmArn", arn);
        n.put("OldStateValue", previous.value());
        ArrayNode ok = n.putArray("OKActions");
        a.okActions().forEach(ok::add);
        ArrayNode alarm = n.putArray("AlarmActions");
        a.alarmActions().forEach(alarm::add);
        ArrayNode insufficient = n.putArray("InsufficientDataActions");
        a.insufficientDataActions().forEach(insufficient::add);
        n.put("AlarmRule", a.alarmRule());
        return n.toString();
    }

    private static ObjectNode trigger(AlarmRecord a) {
        ObjectNode t = StateReasons.JSON.createObjectNode();
        if (a.isMath()) {
            ArrayNode metrics = t.putArray("Metrics");
            a.metrics().forEach(q -> metrics.add(query(q)));
        } else {
            t.put("MetricName", a.metricName());
            t.put("Namespace", a.namespace());
            t.put("StatisticType", a.statistic() != null ? "Statistic" : "ExtendedStatistic");
            if (a.statistic() != null) {
                t.put("Statistic", a.statistic().toUpperCase(Locale.ROOT));
            } else {
                t.put("ExtendedStatistic", a.extendedStatistic());
            }
            t.put("Unit", a.unit());
            ArrayNode dims = t.putArray("Dimensions");
            a.dimensions().forEach(d -> dims.addObject().put("value", d.value()).put("name", d.name()));
            t.put("Period", a.period());
        }
        t.put("EvaluationPeriods", a.evaluationPeriods());
        if (a.datapointsToAlarm() != null) {
            t.put("DatapointsToAlarm", a.datapointsToAlarm());
        }
        t.put("ComparisonOperator", a.comparisonOperator());
        t.put("Threshold", a.threshold());
        t.put("TreatMissingData", a.treatMissingData() == null ? "missing" : a.treatMissingData());
        t.put("EvaluateLowSampleCountPercentile",
                a.evaluateLowSampleCountPercentile() == null ? "" : a.evaluateLowSampleCountPercentile());
        return t;
    }

    private static ObjectNode query(MathQuery q) {
        ObjectNode m = StateReasons.JSON.createObjectNode();
        if (q.expression() != null) {
            m.put("Expression", q.expression());
        }
        m.put("Id", q.id());
        if (q.label() != null) {
            m.put("Label", q.label());
        }
        if (q.expression() == null) {
            ObjectNode stat = m.putObject("MetricStat");
            ObjectNode metric = stat.putObject("Metric");
            ArrayNode dims = metric.putArray("Dimensions");
            q.dimensions().forEach(d -> dims.addObject().put("value", d.value()).put("name", d.name()));
            metric.put("MetricName", q.metricName());
            metric.put("Namespace", q.namespace());
            stat.put("Period", q.statPeriod());
            stat.put("Stat", q.stat());
            if (q.unit() != null) {
                stat.put("Unit", q.unit());
            }
        }
        if (q.period() != null) {
            m.put("Period", q.period());
        }
        m.put("ReturnData", q.returnData() == null || q.returnData());
        return m;
    }

    static String regionName(String region) {
        return REGIONS.getOrDefault(region, region);
    }

    private static String time(long millis) {
        return StateReasons.DATA_TIME.format(Instant.ofEpochMilli(millis));
    }
}
