package io.watchpost.cloudwatch.alarms;

import static io.watchpost.cloudwatch.alarms.AlarmEvaluationTest.alarm;
import static io.watchpost.cloudwatch.alarms.AlarmsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/** Composite alarms: rule checks, evaluation when children change, nesting, cycles, describe, delete, restart. */
class CompositeAlarmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private AlarmsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new AlarmsHarness(dir);
        h.call(alarm("a").build());
        h.call(alarm("b").build());
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void set(String name, String state) {
        h.call(SetAlarmStateRequest.builder().alarmName(name).stateValue(state).stateReason("test").build());
    }

    private void composite(String name, String rule) {
        h.call(PutCompositeAlarmRequest.builder().alarmName(name).alarmRule(rule)
                .alarmActions("arn:aws:sns:us-east-1:111122223333:ops").build());
    }

    private CompositeAlarm describe(String name) {
        DescribeAlarmsResponse r = h.call(DescribeAlarmsRequest.builder().alarmNames(name)
                .alarmTypes(AlarmType.COMPOSITE_ALARM).build());
        return r.compositeAlarms().get(0);
    }

    @Test
    void followsItsChildren() throws Exception {
        composite("both", "ALARM(a) AND ALARM(b)");
        assertThat(describe("both").stateValueAsString()).isEqualTo("OK");
        set("a", "ALARM");
        assertThat(describe("both").stateValueAsString()).isEqualTo("OK");
        set("b", "ALARM");
        CompositeAlarm both = describe("both");
        assertThat(both.stateValueAsString()).isEqualTo("ALARM");
        assertThat(both.stateReason()).isEqualTo("arn:aws:cloudwatch:us-east-1:111122223333:alarm:b transitioned to "
                + "ALARM at Saturday 01 March, 2025 12:00:00 UTC");
        assertThat(both.stateReasonData()).isEqualTo("{\"triggeringAlarms\":[{\"arn\":\"arn:aws:cloudwatch:us-east-1:"
                + "111122223333:alarm:b\",\"state\":{\"value\":\"ALARM\",\"timestamp\":"
                + "\"2025-03-01T12:00:00.000+0000\"}}]}");
        AlarmStateChange change = h.changes.get(h.changes.size() - 1);
        assertThat(change.alarmName()).isEqualTo("both");
        assertThat(change.actions()).containsExactly("arn:aws:sns:us-east-1:111122223333:ops");
        JsonNode detail = JSON.readTree(change.detailJson());
        assertThat(detail.path("configuration").path("alarmRule").asText()).isEqualTo("ALARM(a) AND ALARM(b)");
        set("a", "OK");
        assertThat(describe("both").stateValueAsString()).isEqualTo("OK");
        DescribeAlarmHistoryResponse metricOnly = h.call(DescribeAlarmHistoryRequest.builder().alarmName("both")
                .build());
        assertThat(metricOnly.alarmHistoryItems()).isEmpty();
        DescribeAlarmHistoryResponse history = h.call(DescribeAlarmHistoryRequest.builder().alarmName("both")
                .alarmTypes(AlarmType.COMPOSITE_ALARM).historyItemType("StateUpdate").build());
        assertThat(history.alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM",
                "Alarm updated from INSUFFICIENT_DATA to OK");
        assertThat(history.alarmHistoryItems()).allSatisfy(i -> assertThat(i.alarmTypeAsString())
                .isEqualTo("CompositeAlarm"));
    }

    @Test
    void nestedCompositesPropagateAndCyclesStop() {
        composite("inner", "ALARM(a)");
        composite("outer", "ALARM(inner) OR ALARM(b)");
        set("a", "ALARM");
        assertThat(describe("outer").stateValueAsString()).isEqualTo("ALARM");
        composite("inner", "ALARM(a) AND NOT ALARM(outer)");
        set("a", "OK");
        set("a", "ALARM");
        assertThat(describe("inner").stateValueAsString()).isIn("OK", "ALARM");
    }

    @Test
    void suppressorInAlarmSuppressesActions() {
        h.call(alarm("maintenance").build());
        h.call(PutCompositeAlarmRequest.builder().alarmName("svc").alarmRule("ALARM(a)")
                .alarmActions("arn:aws:sns:us-east-1:111122223333:ops").actionsSuppressor("maintenance")
                .actionsSuppressorWaitPeriod(60).actionsSuppressorExtensionPeriod(60).build());
        set("maintenance", "ALARM");
        set("a", "ALARM");
        AlarmStateChange change = h.changes.get(h.changes.size() - 1);
        assertThat(change.alarmName()).isEqualTo("svc");
        assertThat(change.actions()).isEmpty();
        CompositeAlarm svc = describe("svc");
        assertThat(svc.actionsSuppressedByAsString()).isEqualTo("Alarm");
        assertThat(svc.actionsSuppressorWaitPeriod()).isEqualTo(60);
    }

    @Test
    void checksTheRuleAndItsReferences() {
        assertAwsError(() -> composite("c", "ALARM(a) AND ALARM(nope) OR OK(gone)"), AwsError.CW_VALIDATION_ERROR,
                "Could not save the composite alarm as alarms [nope, gone] in the alarm rule do not exist");
        assertAwsError(() -> composite("c", "ALARM(a) AND"), AwsError.CW_VALIDATION_ERROR,
                "Error in AlarmRule at position 12: Unexpected end of AlarmRule");
        assertAwsError(() -> composite("a", "ALARM(b)"), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The alarm a already exists as a metric alarm.");
    }

    @Test
    void describesChildrenAndParentsAndGuardsDeletion() throws Exception {
        composite("both", "ALARM(a) AND ALARM(b)");
        DescribeAlarmsResponse children = h.call(DescribeAlarmsRequest.builder().childrenOfAlarmName("both")
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).build());
        assertThat(children.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("a", "b");
        DescribeAlarmsResponse parents = h.call(DescribeAlarmsRequest.builder().parentsOfAlarmName("a")
                .alarmTypes(AlarmType.COMPOSITE_ALARM).build());
        assertThat(parents.compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("both");
        DescribeAlarmsResponse plain = h.call(DescribeAlarmsRequest.builder().build());
        assertThat(plain.compositeAlarms()).isEmpty();
        assertAwsError(() -> h.call(DeleteAlarmsRequest.builder().alarmNames("a").build()),
                AwsError.CW_VALIDATION_ERROR, "Cannot delete a as there are composite alarm(s) depending on it.");
        // Nothing is deleted when one of the names is still referenced.
        assertAwsError(() -> h.call(DeleteAlarmsRequest.builder().alarmNames("a", "nope", "b").build()),
                AwsError.CW_VALIDATION_ERROR, "Cannot delete a,b as there are composite alarm(s) depending on them.");
        h.reopen();
        assertThat(describe("both").alarmRule()).isEqualTo("ALARM(a) AND ALARM(b)");
        h.call(DeleteAlarmsRequest.builder().alarmNames("both").build());
        h.call(DeleteAlarmsRequest.builder().alarmNames("a").build());
        DescribeAlarmsResponse left = h.call(DescribeAlarmsRequest.builder()
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).build());
        assertThat(left.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("b");
        assertThat(left.compositeAlarms()).isEmpty();
    }
}
