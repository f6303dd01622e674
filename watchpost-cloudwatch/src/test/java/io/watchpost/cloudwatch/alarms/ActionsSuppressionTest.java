package io.watchpost.cloudwatch.alarms;

import static io.watchpost.cloudwatch.alarms.AlarmEvaluationTest.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/** ActionsSuppressor wait and extension periods, driven by the hand clock and the scheduler. */
class ActionsSuppressionTest {
    private static final String OPS = "arn:aws:sns:us-east-1:111122223333:ops";
    private static final String OK_TOPIC = "arn:aws:sns:us-east-1:111122223333:ok";
    @TempDir
    Path dir;
    private AlarmsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new AlarmsHarness(dir);
        // "ignore": without data the engine keeps the states the tests set.
        h.call(alarm("a").treatMissingData("ignore").build());
        h.call(alarm("maintenance").treatMissingData("ignore").build());
        h.call(PutCompositeAlarmRequest.builder().alarmName("svc").alarmRule("ALARM(a)").alarmActions(OPS)
                .okActions(OK_TOPIC).actionsSuppressor("maintenance").actionsSuppressorWaitPeriod(120)
                .actionsSuppressorExtensionPeriod(180).build());
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void set(String name, String state) {
        h.call(SetAlarmStateRequest.builder().alarmName(name).stateValue(state).stateReason("test").build());
    }

    private CompositeAlarm svc() {
        DescribeAlarmsResponse r = h.call(DescribeAlarmsRequest.builder().alarmNames("svc")
                .alarmTypes(AlarmType.COMPOSITE_ALARM).build());
        return r.compositeAlarms().get(0);
    }

    private AlarmStateChange last() {
        return h.changes.get(h.changes.size() - 1);
    }

    private void advance(int seconds) {
        h.runUntil(h.clock.instant().plus(Duration.ofSeconds(seconds)));
    }

    @Test
    void actionsRunWhenTheWaitPeriodEndsWithoutTheSuppressor() throws Exception {
        set("a", "ALARM");
        Instant alarmed = h.clock.instant();
        assertThat(last().alarmName()).isEqualTo("svc");
        assertThat(last().actions()).isEmpty();
        assertThat(svc().actionsSuppressedByAsString()).isEqualTo("WaitPeriod");
        assertThat(svc().actionsSuppressedReason()).isEqualTo("Actions suppressed by WaitPeriod");
        JsonNode held = new ObjectMapper().readTree(last().detailJson());
        assertThat(held.path("state").path("actionsSuppressedBy").asText()).isEqualTo("WaitPeriod");
        int before = h.changes.size();
        advance(110);
        assertThat(h.changes).hasSize(before);
        advance(20);
        AlarmStateChange released = last();
        assertThat(released.previousState()).isEqualTo("ALARM");
        assertThat(released.newState()).isEqualTo("ALARM");
        assertThat(released.actions()).containsExactly(OPS);
        assertThat(released.time()).isBetween(alarmed.plusSeconds(120), alarmed.plusSeconds(130));
        JsonNode detail = new ObjectMapper().readTree(released.detailJson());
        assertThat(detail.path("previousState").path("actionsSuppressedBy").asText()).isEqualTo("WaitPeriod");
        assertThat(detail.path("previousState").path("actionsSuppressedReason").asText())
                .isEqualTo("Actions suppressed by WaitPeriod");
        assertThat(detail.path("state").has("actionsSuppressedBy")).isFalse();
        assertThat(svc().actionsSuppressedBy()).isNull();
        assertThat(svc().stateTransitionedTimestamp()).isEqualTo(alarmed);
    }

    @Test
    void suppressorInAlarmWithinTheWaitPeriodHoldsActionsThroughTheExtensionPeriod() throws Exception {
        set("a", "ALARM");
        advance(60);
        set("maintenance", "ALARM");
        assertThat(svc().actionsSuppressedByAsString()).isEqualTo("Alarm");
        int before = h.changes.size();
        advance(600);
        assertThat(h.changes).hasSize(before);
        set("maintenance", "OK");
        assertThat(svc().actionsSuppressedByAsString()).isEqualTo("ExtensionPeriod");
        assertThat(svc().actionsSuppressedReason()).isEqualTo("Actions suppressed by ExtensionPeriod");
        advance(170);
        assertThat(last().alarmName()).isEqualTo("maintenance");
        advance(20);
        assertThat(last().alarmName()).isEqualTo("svc");
        assertThat(last().actions()).containsExactly(OPS);
        assertThat(svc().actionsSuppressedBy()).isNull();
    }

    @Test
    void suppressionSurvivesARestart() throws Exception {
        set("a", "ALARM");
        h.reopen();
        assertThat(svc().actionsSuppressedByAsString()).isEqualTo("WaitPeriod");
        advance(130);
        assertThat(last().alarmName()).isEqualTo("svc");
        assertThat(last().actions()).containsExactly(OPS);
    }

    @Test
    void leavingAlarmDuringTheWaitDropsTheHeldActions() {
        set("a", "ALARM");
        advance(30);
        set("a", "OK");
        assertThat(last().newState()).isEqualTo("OK");
        assertThat(last().actions()).containsExactly(OK_TOPIC);
        assertThat(svc().actionsSuppressedBy()).isNull();
        int before = h.changes.size();
        advance(300);
        assertThat(h.changes).hasSize(before);
    }
}
