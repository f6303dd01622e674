package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** An alarm's configuration as the JSON objects of ConfigurationUpdate history items. */
final class AlarmJson {
    private AlarmJson() {}

    static ObjectNode config(AlarmRecord a) {
        ObjectNode n = StateReasons.JSON.createObjectNode();
        n.put("alarmName", a.name());
        if (a.description() != null) {
            n.put("alarmDescription", a.description());
        }
        n.put("actionsEnabled", a.actionsEnabled());
        strings(n.putArray("oKActions"), a.okActions());
        strings(n.putArray("alarmActions"), a.alarmActions());
        strings(n.putArray("insufficientDataActions"), a.insufficientDataActions());
        if (a.metricName() != null) {
            n.put("metricName", a.metricName());
            n.put("namespace", a.namespace());
        }
        if (a.statistic() != null) {
            n.put("statistic", a.statistic());
        }
        if (a.extendedStatistic() != null) {
            n.put("extendedStatistic", a.extendedStatistic());
        }
        ArrayNode dims = n.putArray("dimensions");
        a.dimensions().forEach(d -> dims.addObject().put("name", d.name()).put("value", d.value()));
        if (a.period() != null) {
            n.put("period", a.period());
        }
        if (a.unit() != null) {
            n.put("unit", a.unit());
        }
        n.put("evaluationPeriods", a.evaluationPeriods());
        if (a.datapointsToAlarm() != null) {
            n.put("datapointsToAlarm", a.datapointsToAlarm());
        }
        n.put("threshold", a.threshold());
        n.put("comparisonOperator", a.comparisonOperator());
        if (a.treatMissingData() != null) {
            n.put("treatMissingData", a.treatMissingData());
        }
        if (a.evaluateLowSampleCountPercentile() != null) {
            n.put("evaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentile());
        }
        if (a.isMath()) {
            ArrayNode metrics = n.putArray("metrics");
            a.metrics().forEach(q -> metrics.addObject().put("id", q.id()).put("expression", q.expression())
                    .put("returnData", q.returnData() == null || q.returnData()));
        }
        n.put("alarmConfigurationUpdatedTimestamp", Instant.ofEpochMilli(a.configUpdatedMillis()).toString());
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
