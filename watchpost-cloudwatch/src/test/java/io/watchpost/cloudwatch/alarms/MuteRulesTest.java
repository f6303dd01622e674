package io.watchpost.cloudwatch.alarms;

import static io.watchpost.cloudwatch.alarms.AlarmEvaluationTest.alarm;
import static io.watchpost.cloudwatch.alarms.AlarmsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.AlarmMuteRuleSummary;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmContributorsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmContributorsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListAlarmMuteRulesRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListAlarmMuteRulesResponse;
import software.amazon.awssdk.services.cloudwatch.model.MuteTargets;
import software.amazon.awssdk.services.cloudwatch.model.PutAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Rule;
import software.amazon.awssdk.services.cloudwatch.model.Schedule;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/**
 * Alarm mute rules: the API (statuses as the clock moves, filters, pagination, validation) and the scenarios of the
 * user guide's "How alarm mute rules work", driven by the hand clock: muted actions, actions run when the window
 * ends with the alarm still in the muted state, none when it changed, overlapping rules, deletion, restart.
 */
class MuteRulesTest {
    private static final String OPS = "arn:aws:sns:us-east-1:" + AlarmsHarness.ACCOUNT + ":ops";
    @TempDir
    Path dir;
    private AlarmsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new AlarmsHarness(dir);
        // "ignore": without data the engine keeps the states the tests set.
        h.call(alarm("web").treatMissingData("ignore").build());
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** A one-time window starting {@code minutesFromStart} after the harness start, for {@code duration}. */
    private static PutAlarmMuteRuleRequest.Builder window(String name, int minutesFromStart, String duration,
            String... alarms) {
        String at = AlarmsHarness.START.plusSeconds(60L * minutesFromStart).toString().substring(0, 16);
        return PutAlarmMuteRuleRequest.builder().name(name)
                .rule(Rule.builder().schedule(Schedule.builder().expression("at(" + at + ")").duration(duration)
                        .build()).build())
                .muteTargets(MuteTargets.builder().alarmNames(alarms).build());
    }

    private void set(String name, String state) {
        h.call(SetAlarmStateRequest.builder().alarmName(name).stateValue(state).stateReason("test").build());
    }

    private AlarmStateChange last() {
        return h.changes.get(h.changes.size() - 1);
    }

    private GetAlarmMuteRuleResponse get(String name) {
        return h.call(GetAlarmMuteRuleRequest.builder().alarmMuteRuleName(name).build());
    }

    @Test
    void statusMovesFromScheduledToActiveToExpiredWithTheClock() {
        h.call(window("deploy", 10, "PT30M", "web").description("nightly deploy").build());

        GetAlarmMuteRuleResponse rule = get("deploy");
        assertThat(rule.name()).isEqualTo("deploy");
        assertThat(rule.alarmMuteRuleArn())
                .isEqualTo("arn:aws:cloudwatch:us-east-1:111122223333:alarm-mute-rule:deploy");
        assertThat(rule.description()).isEqualTo("nightly deploy");
        assertThat(rule.rule().schedule().expression()).isEqualTo("at(2025-03-01T12:10)");
        assertThat(rule.rule().schedule().duration()).isEqualTo("PT30M");
        assertThat(rule.muteTargets().alarmNames()).containsExactly("web");
        assertThat(rule.muteType()).isEqualTo("ONE_TIME");
        assertThat(rule.lastUpdatedTimestamp()).isEqualTo(AlarmsHarness.START);
        assertThat(rule.statusAsString()).isEqualTo("SCHEDULED");

        h.runUntil(AlarmsHarness.START.plusSeconds(600));
        assertThat(get("deploy").statusAsString()).isEqualTo("ACTIVE");
        h.runUntil(AlarmsHarness.START.plusSeconds(2400));
        assertThat(get("deploy").statusAsString()).isEqualTo("EXPIRED");
    }

    @Test
    void startAndExpireDatesBoundARecurringRule() {
        Instant start = AlarmsHarness.START.plusSeconds(3600);
        h.call(PutAlarmMuteRuleRequest.builder().name("hourly")
                .rule(Rule.builder().schedule(Schedule.builder().expression("cron(0 * * * *)").duration("PT30M")
                        .build()).build())
                .startDate(start).expireDate(start.plusSeconds(7200)).build());
        assertThat(get("hourly").statusAsString()).as("in a window but before the start date").isEqualTo("SCHEDULED");
        assertThat(get("hourly").muteType()).isEqualTo("RECURRING");
        h.runUntil(start.plusSeconds(60));
        assertThat(get("hourly").statusAsString()).isEqualTo("ACTIVE");
        h.runUntil(start.plusSeconds(2400));
        assertThat(get("hourly").statusAsString()).as("between windows").isEqualTo("SCHEDULED");
        h.runUntil(start.plusSeconds(7200));
        assertThat(get("hourly").statusAsString()).isEqualTo("EXPIRED");
    }

    @Test
    void actionsAreMutedAndNotRunWhenTheAlarmLeftTheMutedState() {
        h.call(window("deploy", 0, "PT30M", "web").build());
        set("web", "ALARM");
        assertThat(last().newState()).isEqualTo("ALARM");
        assertThat(last().actions()).as("muted").isEmpty();
        set("web", "OK");
        assertThat(last().actions()).as("OK actions are muted too").isEmpty();

        h.runUntil(AlarmsHarness.START.plusSeconds(1900));
        assertThat(h.released).as("the alarm went back to OK, whose actions were muted as well").hasSize(1);
        assertThat(h.released.get(0).newState()).isEqualTo("OK");
    }

    @Test
    void mutedAlarmActionsRunWhenTheWindowEndsWithTheAlarmStillInAlarm() {
        h.call(window("deploy", 0, "PT30M", "web").build());
        set("web", "ALARM");
        h.runUntil(AlarmsHarness.START.plusSeconds(1790));
        assertThat(h.released).isEmpty();

        h.runUntil(AlarmsHarness.START.plusSeconds(1810));
        assertThat(h.released).hasSize(1);
        AlarmStateChange released = h.released.get(0);
        assertThat(released.newState()).isEqualTo("ALARM");
        assertThat(released.actions()).containsExactly(OPS);
        assertThat(released.alarmName()).isEqualTo("web");
        h.runUntil(AlarmsHarness.START.plusSeconds(3600));
        assertThat(h.released).as("released once").hasSize(1);
    }

    @Test
    void overlappingRulesMuteUntilTheLastOneEnds() {
        h.call(window("first", 0, "PT20M", "web").build());
        h.call(window("second", 10, "PT30M", "web").build());
        set("web", "ALARM");
        h.runUntil(AlarmsHarness.START.plusSeconds(1500));
        assertThat(h.released).as("the second rule still mutes").isEmpty();
        h.runUntil(AlarmsHarness.START.plusSeconds(2410));
        assertThat(h.released).extracting(AlarmStateChange::newState).containsExactly("ALARM");
    }

    @Test
    void deletingTheRuleUnmutesAtOnceAndRunsTheHeldActions() {
        h.call(window("deploy", 0, "PT30M", "web").build());
        set("web", "ALARM");
        assertThat(h.released).isEmpty();
        h.call(DeleteAlarmMuteRuleRequest.builder().alarmMuteRuleName("deploy").build());
        assertThat(h.released).extracting(AlarmStateChange::actions).containsExactly(List.of(OPS));
        h.call(DeleteAlarmMuteRuleRequest.builder().alarmMuteRuleName("deploy").build());
        assertAwsError(() -> get("deploy"), AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION,
                "Alarm mute rule deploy does not exist.");
    }

    @Test
    void alarmsNotTargetedAndDisabledActionsAreLeftAlone() {
        h.call(alarm("db").treatMissingData("ignore").build());
        h.call(window("deploy", 0, "PT30M", "web").build());
        set("db", "ALARM");
        assertThat(last().actions()).containsExactly(OPS);
        set("web", "ALARM");
        h.call(software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest.builder()
                .alarmNames("web").build());
        h.runUntil(AlarmsHarness.START.plusSeconds(1900));
        assertThat(h.released).as("actions disabled meanwhile").isEmpty();
    }

    @Test
    void compositeAlarmsAreMutedByName() {
        h.call(PutCompositeAlarmRequest.builder().alarmName("svc").alarmRule("ALARM(web)").alarmActions(OPS)
                .build());
        h.call(window("deploy", 0, "PT30M", "svc").build());
        set("web", "ALARM");
        AlarmStateChange svc = h.changes.stream().filter(c -> c.alarmName().equals("svc")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(svc.newState()).isEqualTo("ALARM");
        assertThat(svc.actions()).isEmpty();
        h.runUntil(AlarmsHarness.START.plusSeconds(1810));
        assertThat(h.released).extracting(AlarmStateChange::alarmName).containsExactly("svc");
    }

    @Test
    void heldActionsSurviveARestart() throws Exception {
        h.call(window("deploy", 0, "PT30M", "web").build());
        set("web", "ALARM");
        h.reopen();
        h.runUntil(AlarmsHarness.START.plusSeconds(1810));
        assertThat(h.released).extracting(AlarmStateChange::newState).containsExactly("ALARM");
    }

    @Test
    void listFiltersByAlarmAndStatusAndPages() {
        h.call(window("a-active", 0, "PT30M", "web").build());
        h.call(window("b-scheduled", 60, "PT30M", "web").build());
        h.call(window("c-other", 0, "PT30M", "db").build());

        ListAlarmMuteRulesResponse all = h.call(ListAlarmMuteRulesRequest.builder().build());
        assertThat(all.alarmMuteRuleSummaries()).extracting(AlarmMuteRuleSummary::alarmMuteRuleArn)
                .extracting(arn -> arn.substring(arn.lastIndexOf(':') + 1))
                .containsExactly("a-active", "b-scheduled", "c-other");
        assertThat(all.nextToken()).isNull();

        ListAlarmMuteRulesResponse forWeb = h.call(ListAlarmMuteRulesRequest.builder().alarmName("web")
                .statusesWithStrings("ACTIVE").build());
        assertThat(forWeb.alarmMuteRuleSummaries()).singleElement().satisfies(s -> {
            assertThat(s.alarmMuteRuleArn()).endsWith(":alarm-mute-rule:a-active");
            assertThat(s.statusAsString()).isEqualTo("ACTIVE");
            assertThat(s.muteType()).isEqualTo("ONE_TIME");
        });

        ListAlarmMuteRulesResponse first = h.call(ListAlarmMuteRulesRequest.builder().maxRecords(2).build());
        assertThat(first.alarmMuteRuleSummaries()).hasSize(2);
        ListAlarmMuteRulesResponse second = h.call(ListAlarmMuteRulesRequest.builder().maxRecords(2)
                .nextToken(first.nextToken()).build());
        assertThat(second.alarmMuteRuleSummaries()).singleElement()
                .satisfies(s -> assertThat(s.alarmMuteRuleArn()).endsWith(":c-other"));
        assertThat(second.nextToken()).isNull();

        assertAwsError(() -> h.call(ListAlarmMuteRulesRequest.builder().nextToken("forged").build()),
                AwsError.CW_INVALID_NEXT_TOKEN, "The service cannot decode the specified NextToken.");
        assertAwsError(() -> h.call(ListAlarmMuteRulesRequest.builder().statusesWithStrings("PAUSED").build()),
                AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value 'PAUSED' at 'statuses.1.member' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [SCHEDULED, ACTIVE, "
                        + "EXPIRED]");
    }

    @Test
    void putUpdatesInPlaceAndValidates() {
        h.call(window("deploy", 0, "PT30M", "web").build());
        h.clock.set(AlarmsHarness.START.plusSeconds(5));
        h.call(window("deploy", 0, "PT1H", "web", "db").build());
        GetAlarmMuteRuleResponse updated = get("deploy");
        assertThat(updated.rule().schedule().duration()).isEqualTo("PT1H");
        assertThat(updated.muteTargets().alarmNames()).containsExactly("web", "db");
        assertThat(updated.lastUpdatedTimestamp()).isEqualTo(AlarmsHarness.START.plusSeconds(5));

        assertAwsError(() -> h.call(PutAlarmMuteRuleRequest.builder().name("x").build()),
                AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value null at 'rule' failed to satisfy "
                        + "constraint: Member must not be null");
        assertAwsError(() -> h.call(window("x", 0, "PT1H", "web").rule(Rule.builder().schedule(Schedule.builder()
                .expression("cron(0 2 * * *)").duration("P20D").build()).build()).build()),
                AwsError.CW_INVALID_PARAMETER_VALUE, "Invalid duration: P20D. The duration must be between PT1M "
                        + "and P15D");
        assertAwsError(() -> h.call(window("x", 0, "PT1H", "web").startDate(AlarmsHarness.START)
                .expireDate(AlarmsHarness.START).build()),
                AwsError.CW_INVALID_PARAMETER_VALUE, "ExpireDate must be after StartDate.");
        String[] tooMany = new String[101];
        java.util.Arrays.fill(tooMany, "web");
        assertAwsError(() -> h.call(window("x", 0, "PT1H", tooMany).build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value at 'muteTargets.alarmNames' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 100");
        assertAwsError(() -> get("x"), AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION,
                "Alarm mute rule x does not exist.");
    }

    @Test
    void alarmContributorsOfASingleSeriesAlarmAreEmpty() {
        DescribeAlarmContributorsResponse r = h.call(DescribeAlarmContributorsRequest.builder().alarmName("web")
                .build());
        assertThat(r.alarmContributors()).isEmpty();
        assertThat(r.nextToken()).isNull();
        assertAwsError(() -> h.call(DescribeAlarmContributorsRequest.builder().alarmName("nope").build()),
                AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION, "Alarm nope does not exist.");
    }
}
