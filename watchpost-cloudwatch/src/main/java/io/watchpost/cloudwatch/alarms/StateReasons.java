package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * StateReason and StateReasonData as CloudWatch writes them: {@code Threshold Crossed: 1 datapoint [21.5 (26/10/23
 * 16:42:00)] was greater than the threshold (2.0).} for alarms without DatapointsToAlarm, {@code Threshold Crossed:
 * 1 out of the last 1 datapoints [5.0 (24/11/26 07:00:00)] was greater than the threshold (1.0) (minimum 1 datapoint
 * for OK -> ALARM transition).} for M-of-N alarms; StateReasonData keys in AWS's order (version, queryDate,
 * startDate, unit, statistic, period, recentDatapoints, threshold, evaluatedDatapoints — missing datapoints that
 * were filled appear with their timestamp only). Only built when the state changes, off the steady-state path.
 */
final class StateReasons {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private StateReasons() {}

    /** The range that was read: period starts (oldest first), values (NaN = missing), optional sample counts. */
    record Range(Instant[] starts, double[] values, double[] sampleCounts) {}

    static String reason(AlarmRecord alarm, Range range, AlarmEvaluator.Decision decision, String from) {
        String to = decision.state();
        int n = alarm.evaluationPeriods();
        int m = alarm.datapointsToAlarmOrDefault();
        if (to.equals(AlarmEvaluator.INSUFFICIENT)) {
            return "Insufficient Data: " + n + " datapoint" + (n == 1 ? " was" : "s were") + " unknown.";
        }
        if (decision.used() == 0) {
            String as = decision.state().equals(AlarmEvaluator.ALARM) ? "Breaching" : "NonBreaching";
            return "Threshold Crossed: no datapoints were received for " + n + " period" + (n == 1 ? "" : "s")
                    + " and " + n + " missing datapoint" + (n == 1 ? " was" : "s were") + " treated as [" + as + "].";
        }
        boolean alarmState = to.equals(AlarmEvaluator.ALARM);
        List<String> listed = new ArrayList<>();
        int evaluated = 0;
        for (int i = range.values().length - 1; i >= 0 && evaluated < decision.used(); i--) {
            double v = range.values()[i];
            if (Double.isNaN(v)) {
                continue;
            }
            evaluated++;
            if (AlarmEvaluator.breaches(alarm.comparisonOperator(), v, alarm.threshold()) == alarmState) {
                listed.add(v + " (" + REASON_TIME.format(range.starts()[i]) + ")");
            }
        }
        String phrase = (alarmState ? "" : "not ") + AlarmEvaluator.phrase(alarm.comparisonOperator())
                + " the threshold (" + alarm.threshold() + ")";
        if (alarm.datapointsToAlarm() == null) {
            // Without DatapointsToAlarm AWS writes the short form (captured: "Threshold Crossed: 1 datapoint
            // [21.5 (26/10/23 16:42:00)] was greater than the threshold (2.0).").
            int k = listed.size();
            return "Threshold Crossed: " + k + " datapoint" + (k == 1 ? "" : "s") + " [" + String.join(", ", listed)
                    + "] " + (k == 1 ? "was " : "were ") + phrase + ".";
        }
        int count = alarmState ? decision.breaching() : decision.used() + decision.filled() - decision.breaching();
        int total = decision.used() + decision.filled();
        int minimum = alarmState ? m : n - m + 1;
        return "Threshold Crossed: " + count + " out of the last " + total + " datapoints [" + String.join(", ", listed)
                + "] " + (count == 1 ? "was " : "were ") + phrase + " (minimum " + minimum + " datapoint"
                + (minimum == 1 ? "" : "s") + " for " + from + " -> " + to + " transition).";
    }

    static String reasonData(AlarmRecord alarm, Range range, AlarmEvaluator.Decision decision, Instant queryDate) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("queryDate", DATA_TIME.format(queryDate));
        int first = firstReal(range.values());
        if (first >= 0) {
            data.put("startDate", DATA_TIME.format(range.starts()[first]));
        }
        if (alarm.unit() != null) {
            data.put("unit", alarm.unit());
        }
        if (alarm.statistic() != null) {
            data.put("statistic", alarm.statistic());
        }
        if (alarm.extendedStatistic() != null) {
            data.put("extendedStatistic", alarm.extendedStatistic());
        }
        data.put("period", alarm.effectivePeriod());
        ArrayNode recent = data.putArray("recentDatapoints");
        for (double v : range.values()) {
            if (!Double.isNaN(v)) {
                recent.add(v);
            }
        }
        data.put("threshold", alarm.threshold());
        ArrayNode evaluated = data.putArray("evaluatedDatapoints");
        int taken = 0;
        int fills = 0;
        for (int i = range.values().length - 1; i >= 0 && (taken < decision.used() || fills < decision.filled());
                i--) {
            boolean missing = Double.isNaN(range.values()[i]);
            if (missing ? fills++ >= decision.filled() : taken++ >= decision.used()) {
                continue;
            }
            ObjectNode point = evaluated.addObject();
            point.put("timestamp", DATA_TIME.format(range.starts()[i]));
            if (missing) {
                continue;
            }
            if (range.sampleCounts() != null && !Double.isNaN(range.sampleCounts()[i])) {
                point.put("sampleCount", range.sampleCounts()[i]);
            }
            point.put("value", range.values()[i]);
        }
        if (evaluated.isEmpty()) {
            data.remove("evaluatedDatapoints");
        }
        return data.toString();
    }

    private static int firstReal(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
