package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.cloudwatch.alarms.AlarmRecord.Dim;
import io.watchpost.cloudwatch.alarms.AlarmRecord.MathQuery;
import java.time.Instant;
import java.util.List;

/**
 * The {@code detail} of AWS's {@code CloudWatch Alarm State Change} event, keys in the order of AWS's documented
 * examples: {@code alarmName}, {@code configuration} (description and the alarm's metrics as {@code MetricDataQuery}
 * -like objects; a plain metric alarm as one {@code metricStat} with a UUID id), {@code previousState} and
 * {@code state} (reason, reasonData as a JSON string, timestamp, value).
 */
final class AlarmEvents {
    private AlarmEvents() {}

    static String stateChangeDetail(AlarmRecord alarm, AlarmState previous, AlarmState current) {
        ObjectNode detail = StateReasons.JSON.createObjectNode();
        detail.put("alarmName", alarm.name());
        ObjectNode configuration = detail.putObject("configuration");
        if (alarm.description() != null) {
            configuration.put("description", alarm.description());
        }
        ArrayNode metrics = configuration.putArray("metrics");
        if (alarm.isMath()) {
            alarm.metrics().forEach(q -> metrics.add(mathQuery(q)));
        } else {
            ObjectNode m = metrics.addObject();
            m.put("id", metricId(alarm));
            ObjectNode stat = m.putObject("metricStat");
            stat.set("metric", metric(alarm.namespace(), alarm.metricName(), alarm.dimensions()));
            stat.put("period", alarm.period());
            stat.put("stat", alarm.statistic() != null ? alarm.statistic() : alarm.extendedStatistic());
            if (alarm.unit() != null) {
                stat.put("unit", alarm.unit());
            }
            m.put("returnData", true);
        }
        detail.set("previousState", state(previous));
        detail.set("state", state(current));
        return detail.toString();
    }

    /**
     * The composite's event detail; each state carries {@code actionsSuppressedBy}/{@code actionsSuppressedReason}
     * while its actions were held ({@code previousSuppression} for the previous state), as in AWS's sample event.
     */
    static String compositeDetail(CompositeRecord alarm, AlarmState previous, AlarmState current,
            CompositeRecord.Suppression previousSuppression) {
        ObjectNode detail = StateReasons.JSON.createObjectNode();
        detail.put("alarmName", alarm.name());
        ObjectNode configuration = detail.putObject("configuration");
        configuration.put("alarmRule", alarm.alarmRule());
        if (alarm.actionsSuppressor() != null) {
            configuration.put("actionsSuppressor", alarm.actionsSuppressor());
            configuration.put("actionsSuppressorWaitPeriod", alarm.actionsSuppressorWaitPeriod());
            configuration.put("actionsSuppressorExtensionPeriod", alarm.actionsSuppressorExtensionPeriod());
        }
        if (alarm.description() != null) {
            configuration.put("description", alarm.description());
        }
        detail.set("previousState", suppressed(state(previous), previousSuppression));
        detail.set("state", suppressed(state(current), alarm.suppression()));
        return detail.toString();
    }

    private static ObjectNode suppressed(ObjectNode state, CompositeRecord.Suppression s) {
        if (s != null) {
            state.put("actionsSuppressedBy", s.by());
            state.put("actionsSuppressedReason", s.reason());
        }
        return state;
    }

    private static ObjectNode state(AlarmState s) {
        ObjectNode node = StateReasons.JSON.createObjectNode();
        node.put("reason", s.reason());
        if (s.reasonData() != null) {
            node.put("reasonData", s.reasonData());
        }
        node.put("timestamp", StateReasons.DATA_TIME.format(Instant.ofEpochMilli(s.updatedMillis())));
        node.put("value", s.value());
        return node;
    }

    private static JsonNode mathQuery(MathQuery q) {
        ObjectNode m = StateReasons.JSON.createObjectNode();
        if (q.expression() != null) {
            m.put("expression", q.expression());
        }
        m.put("id", q.id());
        if (q.label() != null) {
            m.put("label", q.label());
        }
        if (q.expression() == null) {
            ObjectNode stat = m.putObject("metricStat");
            stat.set("metric", metric(q.namespace(), q.metricName(), q.dimensions()));
            stat.put("period", q.statPeriod());
            stat.put("stat", q.stat());
            if (q.unit() != null) {
                stat.put("unit", q.unit());
            }
        }
        m.put("returnData", q.returnData() == null || q.returnData());
        return m;
    }

    private static ObjectNode metric(String namespace, String name, List<Dim> dims) {
        ObjectNode metric = StateReasons.JSON.createObjectNode();
        ObjectNode dimensions = metric.putObject("dimensions");
        dims.forEach(d -> dimensions.put(d.name(), d.value()));
        metric.put("name", name);
        metric.put("namespace", namespace);
        return metric;
    }

    /** AWS gives a plain metric alarm's single metric a UUID id; ours is derived from the alarm, so it is stable. */
    private static String metricId(AlarmRecord alarm) {
        return java.util.UUID.nameUUIDFromBytes((alarm.name() + '/' + alarm.configUpdatedMillis())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
