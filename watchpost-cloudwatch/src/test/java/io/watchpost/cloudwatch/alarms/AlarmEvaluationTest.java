package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** The engine end to end: real metrics store, hand-driven clock, scheduler run by hand. */
class AlarmEvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private AlarmsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new AlarmsHarness(dir);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    static PutMetricAlarmRequest.Builder alarm(String name) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace("Test").metricName("Latency")
                .dimensions(AlarmsHarness.HOST).statistic("Maximum").period(60).evaluationPeriods(1)
                .threshold(1.0).comparisonOperator("GreaterThanThreshold").alarmActions("arn:aws:sns:us-east-1:"
                        + AlarmsHarness.ACCOUNT + ":ops").okActions("arn:aws:sns:us-east-1:" + AlarmsHarness.ACCOUNT
                        + ":ok");
    }

    MetricAlarm describe(String name) {
        DescribeAlarmsResponse r = h.call(DescribeAlarmsRequest.builder().alarmNames(name).build());
        assertThat(r.metricAlarms()).hasSize(1);
        return r.metricAlarms().get(0);
    }

    List<AlarmHistoryItem> history(String name, String type) {
        DescribeAlarmHistoryResponse r = h.call(DescribeAlarmHistoryRequest.builder().alarmName(name)
                .historyItemType(type).scanBy(ScanBy.TIMESTAMP_ASCENDING).build());
        return r.alarmHistoryItems();
    }

    @Test
    void breachingDataRaisesTheAlarmAndRecoveryReturnsItToOk() throws Exception {
        h.call(alarm("cpu").build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:00:50Z"));
        assertThat(describe("cpu").stateValueAsString()).isEqualTo("INSUFFICIENT_DATA");
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        MetricAlarm alarm = describe("cpu");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: 1 datapoint [5.0 (01/03/25 12:00:00)] was "
                + "greater than the threshold (1.0).");
        JsonNode data = JSON.readTree(alarm.stateReasonData());
        assertThat(data.toString()).isEqualTo("{\"version\":\"1.0\",\"queryDate\":\"2025-03-01T12:01:00.000+0000\","
                + "\"startDate\":\"2025-03-01T12:00:00.000+0000\",\"statistic\":\"Maximum\",\"period\":60,"
                + "\"recentDatapoints\":[5.0],\"threshold\":1.0,\"evaluatedDatapoints\":[{\"timestamp\":"
                + "\"2025-03-01T12:00:00.000+0000\",\"sampleCount\":1.0,\"value\":5.0}]}");
        assertThat(alarm.stateTransitionedTimestamp()).isEqualTo(Instant.parse("2025-03-01T12:01:00Z"));
        assertThat(h.changes).hasSize(1);
        AlarmStateChange change = h.changes.get(0);
        assertThat(change.actions()).containsExactly("arn:aws:sns:us-east-1:" + AlarmsHarness.ACCOUNT + ":ops");
        JsonNode sns = JSON.readTree(change.snsMessageJson());
        assertThat(sns.path("NewStateValue").asText()).isEqualTo("ALARM");
        assertThat(sns.path("OldStateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(sns.path("Region").asText()).isEqualTo("US East (N. Virginia)");
        assertThat(sns.path("Trigger").path("Statistic").asText()).isEqualTo("MAXIMUM");
        assertThat(sns.path("Trigger").path("Dimensions").get(0).path("name").asText()).isEqualTo("Host");
        assertThat(change.snsSubject()).isEqualTo("ALARM: \"cpu\" in US East (N. Virginia)");
        assertThat(change.toEvent().detailType()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(change.toEvent().resources()).containsExactly(
                "arn:aws:cloudwatch:us-east-1:" + AlarmsHarness.ACCOUNT + ":alarm:cpu");
        JsonNode detail = JSON.readTree(change.detailJson());
        assertThat(detail.fieldNames()).toIterable().containsExactly("alarmName", "configuration", "previousState",
                "state");
        assertThat(detail.path("state").fieldNames()).toIterable().containsExactly("reason", "reasonData",
                "timestamp", "value");
        assertThat(detail.path("state").path("timestamp").asText()).isEqualTo("2025-03-01T12:01:00.000+0000");
        assertThat(detail.path("alarmName").asText()).isEqualTo("cpu");
        assertThat(detail.path("state").path("value").asText()).isEqualTo("ALARM");
        assertThat(detail.path("previousState").path("value").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(detail.path("configuration").path("metrics").get(0).path("metricStat").path("metric")
                .path("dimensions").path("Host").asText()).isEqualTo("a");

        h.put("Latency", 0.0, Instant.parse("2025-03-01T12:01:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:02:00Z"));
        alarm = describe("cpu");
        assertThat(alarm.stateValueAsString()).isEqualTo("OK");
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: 1 datapoint [0.0 (01/03/25 12:01:00)] was not "
                + "greater than the threshold (1.0).");
        assertThat(h.changes.get(1).actions()).containsExactly("arn:aws:sns:us-east-1:" + AlarmsHarness.ACCOUNT
                + ":ok");
        List<AlarmHistoryItem> states = history("cpu", "StateUpdate");
        assertThat(states).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm updated from ALARM to OK");
        JsonNode item = JSON.readTree(states.get(1).historyData());
        assertThat(item.path("oldState").path("stateValue").asText()).isEqualTo("ALARM");
        assertThat(item.path("newState").path("stateReasonData").path("recentDatapoints").get(1).asDouble())
                .isEqualTo(0.0);
        assertThat(history("cpu", "ConfigurationUpdate")).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"cpu\" created");
    }

    @Test
    void highResolutionAlarmIsEvaluatedEveryPeriod() {
        h.call(alarm("fast").period(10).build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:12Z"), true);
        h.runUntil(Instant.parse("2025-03-01T12:00:20Z"));
        assertThat(describe("fast").stateValueAsString()).isEqualTo("ALARM");
        h.put("Latency", 0.5, Instant.parse("2025-03-01T12:00:21Z"), true);
        h.runUntil(Instant.parse("2025-03-01T12:00:30Z"));
        assertThat(describe("fast").stateValueAsString()).isEqualTo("OK");
    }

    @Test
    void missingDataTreatedAsBreachingRaisesTheAlarmAfterTheWholeRangeIsEmpty() {
        h.call(alarm("gone").treatMissingData("breaching").build());
        h.runUntil(Instant.parse("2025-03-01T12:00:10Z"));
        MetricAlarm alarm = describe("gone");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: no datapoints were received for 1 period and 1 "
                + "missing datapoint was treated as [Breaching].");
        assertThat(alarm.stateReasonData()).isEqualTo("{\"version\":\"1.0\",\"queryDate\":"
                + "\"2025-03-01T12:00:10.000+0000\",\"statistic\":\"Maximum\",\"period\":60,\"recentDatapoints\":[],"
                + "\"threshold\":1.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2025-03-01T11:59:00.000+0000\"}]}");
    }

    @Test
    void lateDataCountsAtTheNextEvaluation() {
        h.call(alarm("late").build());
        h.runUntil(Instant.parse("2025-03-01T12:02:30Z"));
        assertThat(describe("late").stateValueAsString()).isEqualTo("INSUFFICIENT_DATA");
        h.put("Latency", 7.0, Instant.parse("2025-03-01T12:01:10Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:03:00Z"));
        MetricAlarm alarm = describe("late");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.stateReason()).contains("[7.0 (01/03/25 12:01:00)]");
    }

    @Test
    void oneOfOneWithDatapointsToAlarmUsesTheMOfNReason() {
        h.call(alarm("m").datapointsToAlarm(1).build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        assertThat(describe("m").stateReason()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints [5.0 "
                + "(01/03/25 12:00:00)] was greater than the threshold (1.0) (minimum 1 datapoint for "
                + "INSUFFICIENT_DATA -> ALARM transition).");
    }

    @Test
    void mOfNNeedsEnoughBreachingDatapoints() {
        h.call(alarm("m-of-n").evaluationPeriods(3).datapointsToAlarm(2).build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:05Z"), false);
        h.put("Latency", 0.0, Instant.parse("2025-03-01T12:01:05Z"), false);
        h.put("Latency", 0.0, Instant.parse("2025-03-01T12:02:05Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:03:00Z"));
        assertThat(describe("m-of-n").stateValueAsString()).isEqualTo("OK");
        h.put("Latency", 6.0, Instant.parse("2025-03-01T12:03:05Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:04:00Z"));
        assertThat(describe("m-of-n").stateValueAsString()).isEqualTo("OK");
        h.put("Latency", 6.0, Instant.parse("2025-03-01T12:04:05Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:05:00Z"));
        MetricAlarm alarm = describe("m-of-n");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: 2 out of the last 3 datapoints [6.0 (01/03/25 "
                + "12:04:00), 6.0 (01/03/25 12:03:00)] were greater than the threshold (1.0) (minimum 2 datapoints "
                + "for OK -> ALARM transition).");
    }

    @Test
    void extendedStatisticAndMathAlarmsEvaluate() {
        h.call(alarm("p90").statistic((String) null).extendedStatistic("p90").build());
        h.call(PutMetricAlarmRequest.builder().alarmName("math").evaluationPeriods(1).threshold(5.0)
                .comparisonOperator("GreaterThanThreshold").metrics(
                        MetricDataQuery.builder().id("m1").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace("Test").metricName("Latency")
                                        .dimensions(AlarmsHarness.HOST))).build(),
                        MetricDataQuery.builder().id("e1").expression("m1 * 2").returnData(true).build())
                .build());
        for (int i = 0; i < 10; i++) {
            h.put("Latency", i < 9 ? 0.5 : 3.0, Instant.parse("2025-03-01T12:00:10Z").plusSeconds(i), false);
        }
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        assertThat(describe("p90").stateValueAsString()).isEqualTo("OK");
        MetricAlarm math = describe("math");
        assertThat(math.stateValueAsString()).isEqualTo("ALARM");
        assertThat(math.metrics()).hasSize(2);
        // AWS: DescribeAlarmsForMetric "does not return alarms based on math expressions that use the metric".
        software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse forMetric = h.call(
                software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest.builder()
                        .namespace("Test").metricName("Latency").dimensions(AlarmsHarness.HOST).build());
        assertThat(forMetric.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("p90");
    }

    @Test
    void lowSampleCountPercentilesCanBeIgnored() {
        h.call(alarm("ignore").statistic((String) null).extendedStatistic("p90")
                .evaluateLowSampleCountPercentile("ignore").build());
        h.call(alarm("evaluate").statistic((String) null).extendedStatistic("p90")
                .evaluateLowSampleCountPercentile("evaluate").build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        assertThat(describe("ignore").stateValueAsString()).isEqualTo("INSUFFICIENT_DATA");
        MetricAlarm evaluated = describe("evaluate");
        assertThat(evaluated.stateValueAsString()).isEqualTo("ALARM");
        assertThat(evaluated.stateReasonData()).contains("\"extendedStatistic\":\"p90\"");
        for (int i = 0; i < 10; i++) {
            h.put("Latency", 5.0, Instant.parse("2025-03-01T12:01:10Z").plusSeconds(i), false);
        }
        h.runUntil(Instant.parse("2025-03-01T12:02:00Z"));
        assertThat(describe("ignore").stateValueAsString()).isEqualTo("ALARM");
    }

    @Test
    void updateKeepsStateAndDisabledActionsAreNotReported() {
        h.call(alarm("cpu").build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        h.call(alarm("cpu").threshold(2.0).build());
        MetricAlarm alarm = describe("cpu");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.threshold()).isEqualTo(2.0);
        assertThat(history("cpu", "ConfigurationUpdate")).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"cpu\" created", "Alarm \"cpu\" updated");
        h.call(DisableAlarmActionsRequest.builder().alarmNames("cpu").build());
        h.put("Latency", 0.0, Instant.parse("2025-03-01T12:01:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:02:00Z"));
        assertThat(describe("cpu").actionsEnabled()).isFalse();
        assertThat(h.changes.get(h.changes.size() - 1).actions()).isEmpty();
    }

    @Test
    void alarmsAndStateSurviveARestart() throws Exception {
        h.call(alarm("cpu").build());
        h.put("Latency", 5.0, Instant.parse("2025-03-01T12:00:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:01:00Z"));
        h.reopen();
        MetricAlarm alarm = describe("cpu");
        assertThat(alarm.stateValueAsString()).isEqualTo("ALARM");
        assertThat(alarm.stateTransitionedTimestamp()).isEqualTo(Instant.parse("2025-03-01T12:01:00Z"));
        assertThat(history("cpu", null)).hasSize(2);
        h.put("Latency", 0.0, Instant.parse("2025-03-01T12:01:30Z"), false);
        h.runUntil(Instant.parse("2025-03-01T12:02:00Z"));
        assertThat(describe("cpu").stateValueAsString()).isEqualTo("OK");
    }
}
