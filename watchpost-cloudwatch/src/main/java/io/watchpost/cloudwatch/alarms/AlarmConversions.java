package io.watchpost.cloudwatch.alarms;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.cloudwatch.alarms.AlarmRecord.Dim;
import io.watchpost.cloudwatch.alarms.AlarmRecord.MathQuery;
import io.watchpost.cloudwatch.metrics.MetricIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Between the SDK's shapes and {@link AlarmRecord}. */
final class AlarmConversions {
    static final String INITIAL_REASON = "Unchecked: Initial alarm creation";

    private AlarmConversions() {}

    /** A new alarm's record from a validated request; the caller keeps state and tags of an existing alarm. */
    static AlarmRecord fromRequest(PutMetricAlarmRequest r, long nowMillis, String stateValue) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : r.tags()) {
            tags.put(t.key(), t.value());
        }
        return new AlarmRecord(r.alarmName(), r.alarmDescription(), r.actionsEnabled() == null || r.actionsEnabled(),
                r.okActions(), r.alarmActions(), r.insufficientDataActions(), r.namespace(), r.metricName(),
                dims(r.dimensions()), r.statisticAsString(), r.extendedStatistic(), r.period(), r.unitAsString(),
                r.evaluationPeriods(), r.datapointsToAlarm(), r.threshold(), r.comparisonOperatorAsString(),
                r.treatMissingData(), r.evaluateLowSampleCountPercentile(),
                r.metrics().stream().map(AlarmConversions::mathQuery).toList(), r.thresholdMetricId(), nowMillis,
                new AlarmState(stateValue, INITIAL_REASON, null, nowMillis), nowMillis, tags);
    }

    private static List<Dim> dims(List<Dimension> dimensions) {
        return dimensions.stream().map(d -> new Dim(d.name(), d.value())).toList();
    }

    private static MathQuery mathQuery(MetricDataQuery q) {
        MetricStat s = q.metricStat();
        Metric m = s == null ? null : s.metric();
        return new MathQuery(q.id(), q.expression(), q.label(), q.returnData(), q.period(), q.accountId(),
                m == null ? null : m.namespace(), m == null ? null : m.metricName(),
                m == null ? List.of() : dims(m.dimensions()), s == null ? null : s.stat(),
                s == null ? null : s.period(), s == null ? null : s.unitAsString());
    }

    static List<MetricDataQuery> toQueries(AlarmRecord a) {
        return a.metrics().stream().map(AlarmConversions::toQuery).toList();
    }

    private static MetricDataQuery toQuery(MathQuery q) {
        MetricDataQuery.Builder b = MetricDataQuery.builder().id(q.id()).expression(q.expression()).label(q.label())
                .returnData(q.returnData()).period(q.period()).accountId(q.accountId());
        if (q.metricName() != null || q.stat() != null) {
            b.metricStat(MetricStat.builder().metric(Metric.builder().namespace(q.namespace())
                    .metricName(q.metricName()).dimensions(sdkDims(q.dimensions())).build())
                    .stat(q.stat()).period(q.statPeriod()).unit(q.unit()).build());
        }
        return b.build();
    }

    static List<Dimension> sdkDims(List<Dim> dims) {
        return dims.stream().map(d -> Dimension.builder().name(d.name()).value(d.value()).build()).toList();
    }

    static MetricIdentity identity(AlarmRecord a) {
        Map<String, String> map = new LinkedHashMap<>();
        a.dimensions().forEach(d -> map.put(d.name(), d.value()));
        return new MetricIdentity(a.namespace(), a.metricName(), map);
    }

    /** The alarm as DescribeAlarms returns it (absent members stay absent, as AWS omits them). */
    static MetricAlarm toSdk(AlarmRecord a, String arn) {
        MetricAlarm.Builder b = MetricAlarm.builder().alarmName(a.name()).alarmArn(arn)
                .alarmDescription(a.description())
                .alarmConfigurationUpdatedTimestamp(Instant.ofEpochMilli(a.configUpdatedMillis()))
                .actionsEnabled(a.actionsEnabled()).okActions(a.okActions()).alarmActions(a.alarmActions())
                .insufficientDataActions(a.insufficientDataActions()).stateValue(a.state().value())
                .stateReason(a.state().reason()).stateReasonData(a.state().reasonData())
                .stateUpdatedTimestamp(Instant.ofEpochMilli(a.state().updatedMillis()))
                .stateTransitionedTimestamp(Instant.ofEpochMilli(a.stateTransitionedMillis()))
                .metricName(a.metricName()).namespace(a.namespace()).statistic(a.statistic())
                .extendedStatistic(a.extendedStatistic()).period(a.period()).unit(a.unit())
                .evaluationPeriods(a.evaluationPeriods()).datapointsToAlarm(a.datapointsToAlarm())
                .threshold(a.threshold()).comparisonOperator(a.comparisonOperator())
                .treatMissingData(a.treatMissingData())
                .evaluateLowSampleCountPercentile(a.evaluateLowSampleCountPercentile())
                .thresholdMetricId(a.thresholdMetricId());
        if (!a.isMath()) {
            b.dimensions(sdkDims(a.dimensions()));
        } else {
            b.metrics(toQueries(a));
        }
        return b.build();
    }
}
