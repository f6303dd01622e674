package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One metric alarm as the journal's {@code alarms} table holds it (key: account/region/name): its configuration
 * as PutMetricAlarm set it, and its state. Optional members are null when absent (the journal stores plain JSON);
 * instants are epoch millis. Immutable: a change writes a new record.
 */
record AlarmRecord(String name, String description, boolean actionsEnabled, List<String> okActions,
        List<String> alarmActions, List<String> insufficientDataActions, String namespace, String metricName,
        List<Dim> dimensions, String statistic, String extendedStatistic, Integer period, String unit,
        int evaluationPeriods, Integer datapointsToAlarm, Double threshold, String comparisonOperator,
        String treatMissingData, String evaluateLowSampleCountPercentile, List<MathQuery> metrics,
        String thresholdMetricId, long configUpdatedMillis, AlarmState state, long stateTransitionedMillis,
        Map<String, String> tags) {
    AlarmRecord {
        requireNonNull(name, "name is null");
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        requireNonNull(comparisonOperator, "comparisonOperator is null");
        requireNonNull(state, "state is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A dimension, in request order. */
    record Dim(String name, String value) {}

    /** One {@code MetricDataQuery} of a metric-math alarm. */
    record MathQuery(String id, String expression, String label, Boolean returnData, Integer period,
            String accountId, String namespace, String metricName, List<Dim> dimensions, String stat,
            Integer statPeriod, String unit) {
        MathQuery {
            dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        }
    }

    /** The alarm's state: value, reason, reason data (JSON or null) and when it was last set. */
    record AlarmState(String value, String reason, String reasonData, long updatedMillis) {
        AlarmState {
            requireNonNull(value, "value is null");
            requireNonNull(reason, "reason is null");
        }
    }

    boolean isMath() {
        return !metrics.isEmpty();
    }

    /** Whether a high-resolution alarm (period under a minute) — evaluated every period instead of every minute. */
    int evaluationIntervalSeconds() {
        int p = effectivePeriod();
        return p < 60 ? p : 60;
    }

    /** The alarm's period: Period, or for math alarms the returned query's period (or the smallest MetricStat's). */
    int effectivePeriod() {
        if (period != null) {
            return period;
        }
        for (MathQuery q : metrics) {
            if (Boolean.TRUE.equals(q.returnData()) || q.returnData() == null && metrics.size() == 1) {
                if (q.period() != null) {
                    return q.period();
                }
                if (q.statPeriod() != null) {
                    return q.statPeriod();
                }
            }
        }
        return metrics.stream().filter(q -> q.statPeriod() != null).mapToInt(MathQuery::statPeriod).min().orElse(60);
    }

    int datapointsToAlarmOrDefault() {
        return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
    }

    AlarmRecord withState(AlarmState newState, boolean transitioned) {
        return new AlarmRecord(name, description, actionsEnabled, okActions, alarmActions, insufficientDataActions,
                namespace, metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile,
                metrics, thresholdMetricId, configUpdatedMillis, newState,
                transitioned ? newState.updatedMillis() : stateTransitionedMillis, tags);
    }

    /** This configuration with an existing alarm's state, transition time and tags (PutMetricAlarm's update). */
    AlarmRecord keeping(AlarmRecord old) {
        return new AlarmRecord(name, description, actionsEnabled, okActions, alarmActions, insufficientDataActions,
                namespace, metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile,
                metrics, thresholdMetricId, configUpdatedMillis, old.state(), old.stateTransitionedMillis(),
                old.tags());
    }

    AlarmRecord withActionsEnabled(boolean enabled) {
        return new AlarmRecord(name, description, enabled, okActions, alarmActions, insufficientDataActions,
                namespace, metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile,
                metrics, thresholdMetricId, configUpdatedMillis, state, stateTransitionedMillis, tags);
    }
}
