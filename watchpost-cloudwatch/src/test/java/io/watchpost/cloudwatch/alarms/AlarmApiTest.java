package io.watchpost.cloudwatch.alarms;

import static io.watchpost.cloudwatch.alarms.AlarmEvaluationTest.alarm;
import static io.watchpost.cloudwatch.alarms.AlarmsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/** The alarm API: validation with AWS's codes, describe filters and paging, delete, SetAlarmState, history. */
class AlarmApiTest {
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

    @Test
    void newAlarmStartsInInsufficientData() {
        h.call(alarm("cpu").alarmDescription("d").build());
        DescribeAlarmsResponse r = h.call(DescribeAlarmsRequest.builder().build());
        MetricAlarm a = r.metricAlarms().get(0);
        assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:111122223333:alarm:cpu");
        assertThat(a.stateValueAsString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(a.alarmConfigurationUpdatedTimestamp()).isEqualTo(AlarmsHarness.START);
        assertThat(a.stateUpdatedTimestamp()).isEqualTo(AlarmsHarness.START);
        assertThat(a.actionsEnabled()).isTrue();
        assertThat(a.dimensions()).hasSize(1);
        assertThat(a.alarmDescription()).isEqualTo("d");
        assertThat(r.compositeAlarms()).isEmpty();
        assertThat(h.alarms().alarmExists(Arn.parse(a.alarmArn()).orElseThrow())).isTrue();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("period 45", alarm("a").period(45).build(), AwsError.CW_VALIDATION_ERROR,
                        "Period must be 10, 20, 30 or a multiple of 60."),
                Arguments.of("range over a day", alarm("a").period(60).evaluationPeriods(1441).build(),
                        AwsError.CW_VALIDATION_ERROR, "Metrics cannot be checked across more than a day "
                                + "(EvaluationPeriods * Period must be <= 86400)"),
                Arguments.of("datapoints over periods", alarm("a").evaluationPeriods(2).datapointsToAlarm(3).build(),
                        AwsError.CW_VALIDATION_ERROR, "DatapointsToAlarm must be less than or equal to "
                                + "EvaluationPeriods"),
                Arguments.of("both statistics", alarm("a").extendedStatistic("p99").build(),
                        AwsError.CW_INVALID_PARAMETER_COMBINATION, "The parameters Statistic and ExtendedStatistic "
                                + "are mutually exclusive and you must specify one or the other."),
                Arguments.of("bad treat missing", alarm("a").treatMissingData("sometimes").build(),
                        AwsError.CW_VALIDATION_ERROR, "Supported values for TreatMissingData are: breaching, "
                                + "notBreaching, ignore, missing"),
                Arguments.of("missing name", alarm(null).build(),
                        AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value null at 'alarmName' "
                                + "failed to satisfy constraint: Member must not be null"),
                Arguments.of("missing operator", alarm("a").comparisonOperator((String) null).build(),
                        AwsError.CW_MISSING_PARAMETER, "The parameter ComparisonOperator is required."),
                Arguments.of("six actions", alarm("a").alarmActions("1", "2", "3", "4", "5", "6").build(),
                        AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value at 'alarmActions' failed "
                                + "to satisfy constraint: Member must have length less than or equal to 5"),
                Arguments.of("anomaly band", alarm("a").comparisonOperator("GreaterThanUpperThreshold").build(),
                        AwsError.CW_INVALID_PARAMETER_VALUE, "Anomaly detection alarms (ThresholdMetricId, "
                                + "ComparisonOperator GreaterThanUpperThreshold) are not supported by Watchpost."),
                Arguments.of("math and metric name", alarm("a").metrics(software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery.builder().id("e1").expression("1").build()).build(),
                        AwsError.CW_INVALID_PARAMETER_COMBINATION, "The parameters MetricName and Metrics are "
                                + "mutually exclusive and you must specify one or the other."),
                Arguments.of("bad extended statistic", alarm("a").statistic((String) null)
                        .extendedStatistic("p101").build(), AwsError.CW_INVALID_PARAMETER_VALUE,
                        "The value p101 for parameter ExtendedStatistic is not supported."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidAlarms(String name, PutMetricAlarmRequest request, AwsError error, String message) {
        assertAwsError(() -> h.call(request), error, message);
    }

    @Test
    void highResolutionPeriodsAndSevenDayRangesAreAccepted() {
        h.call(alarm("ten").period(10).build());
        h.call(alarm("hourly").period(3600).evaluationPeriods(168).build());
        assertAwsError(() -> h.call(alarm("x").period(3600).evaluationPeriods(169).build()),
                AwsError.CW_VALIDATION_ERROR, "Metrics cannot be checked across more than 7 days "
                        + "(EvaluationPeriods * Period must be <= 604800)");
    }

    @Test
    void deleteSkipsUnknownNamesAndDeletesTheOthers() {
        h.call(alarm("a").build());
        h.call(alarm("b").build());
        // "If you specify any incorrect alarm names, the alarms you specify with correct names are still deleted."
        h.call(DeleteAlarmsRequest.builder().alarmNames("a", "nope").build());
        assertThat(((DescribeAlarmsResponse) h.call(DescribeAlarmsRequest.builder().build())).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("b");
        h.call(DeleteAlarmsRequest.builder().alarmNames("nope").build());
        assertAwsError(() -> h.call(DeleteAlarmsRequest.builder().build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value null at 'alarmNames' failed to satisfy constraint: Member must "
                        + "not be null");
        h.call(DeleteAlarmsRequest.builder().alarmNames("b").build());
        assertThat(((DescribeAlarmsResponse) h.call(DescribeAlarmsRequest.builder().build())).metricAlarms())
                .isEmpty();
    }

    @Test
    void setAlarmStateValidatesJsonAndIsRevertedByTheNextEvaluation() {
        h.call(alarm("a").build());
        assertAwsError(() -> h.call(SetAlarmStateRequest.builder().alarmName("a").stateValue("ALARM")
                .stateReason("test").stateReasonData("{nope").build()), AwsError.CW_INVALID_FORMAT,
                "Data was not syntactically valid JSON");
        h.call(SetAlarmStateRequest.builder().alarmName("a").stateValue("ALARM").stateReason("test")
                .stateReasonData("{\"a\":1}").build());
        MetricAlarm a = ((DescribeAlarmsResponse) h.call(DescribeAlarmsRequest.builder().build())).metricAlarms()
                .get(0);
        assertThat(a.stateValueAsString()).isEqualTo("ALARM");
        assertThat(a.stateReason()).isEqualTo("test");
        assertThat(h.changes).hasSize(1);
        h.runUntil(Instant.parse("2025-03-01T12:00:10Z"));
        a = ((DescribeAlarmsResponse) h.call(DescribeAlarmsRequest.builder().build())).metricAlarms().get(0);
        assertThat(a.stateValueAsString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(a.stateReason()).isEqualTo("Insufficient Data: 1 datapoint was unknown.");
        assertAwsError(() -> h.call(SetAlarmStateRequest.builder().alarmName("a").stateValue("INVALID")
                .stateReason("r").build()), AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value "
                + "'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[INSUFFICIENT_DATA, ALARM, OK]");
        assertAwsError(() -> h.call(SetAlarmStateRequest.builder().alarmName("zz").stateValue("OK")
                .stateReason("r").build()), AwsError.CW_RESOURCE_NOT_FOUND, "Alarm zz not found");
    }

    @Test
    void describeFiltersAndPages() {
        for (int i = 0; i < 7; i++) {
            h.call(alarm("alarm-" + i).okActions(List.of()).alarmActions(i % 2 == 0 ? "arn:aws:sns:x" : "arn:aws:automate:y").build());
        }
        h.call(alarm("other").okActions(List.of()).alarmActions(List.of()).build());
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            DescribeAlarmsResponse r = h.call(DescribeAlarmsRequest.builder().alarmNamePrefix("alarm-").maxRecords(3)
                    .nextToken(token).build());
            r.metricAlarms().forEach(a -> names.add(a.alarmName()));
            token = r.nextToken();
        } while (token != null);
        assertThat(names).containsExactly("alarm-0", "alarm-1", "alarm-2", "alarm-3", "alarm-4", "alarm-5",
                "alarm-6");
        DescribeAlarmsResponse sns = h.call(DescribeAlarmsRequest.builder().actionPrefix("arn:aws:sns").build());
        assertThat(sns.metricAlarms()).extracting(MetricAlarm::alarmName)
                .containsExactly("alarm-0", "alarm-2", "alarm-4", "alarm-6");
        DescribeAlarmsResponse composite = h.call(DescribeAlarmsRequest.builder().alarmTypesWithStrings(
                "CompositeAlarm").build());
        assertThat(composite.metricAlarms()).isEmpty();
        assertAwsError(() -> h.call(DescribeAlarmsRequest.builder().nextToken("garbage").build()),
                AwsError.CW_INVALID_NEXT_TOKEN, "The service cannot decode the specified NextToken.");
        DescribeAlarmsForMetricResponse forMetric = h.call(DescribeAlarmsForMetricRequest.builder().namespace("Test")
                .metricName("Latency").dimensions(AlarmsHarness.HOST).build());
        assertThat(forMetric.metricAlarms()).hasSize(8);
        assertAwsError(() -> h.call(DescribeAlarmsRequest.builder().maxRecords(101).build()),
                AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value at 'maxRecords' failed to "
                        + "satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void actionsAreRecordedInHistory() {
        h.call(alarm("a").build());
        h.call(SetAlarmStateRequest.builder().alarmName("a").stateValue("ALARM").stateReason("test").build());
        h.alarms().recordAction(h.changes.get(0), "arn:aws:sns:us-east-1:111122223333:ops", true, "{}");
        DescribeAlarmHistoryResponse r = h.call(DescribeAlarmHistoryRequest.builder().alarmName("a")
                .historyItemType("Action").build());
        assertThat(r.alarmHistoryItems()).singleElement().satisfies(i -> {
            assertThat(i.historySummary()).isEqualTo(
                    "Successfully executed action arn:aws:sns:us-east-1:111122223333:ops");
            assertThat(i.historyData()).contains("\"actionState\":\"Succeeded\"");
        });
    }

    @Test
    void historyPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            h.clock.set(AlarmsHarness.START.plusSeconds(i));
            h.call(alarm("a").threshold((double) i).build());
        }
        DescribeAlarmHistoryResponse first = h.call(DescribeAlarmHistoryRequest.builder().alarmName("a")
                .maxRecords(2).build());
        assertThat(first.alarmHistoryItems()).extracting(i -> i.timestamp().getEpochSecond() - 1740830400L)
                .containsExactly(4L, 3L);
        DescribeAlarmHistoryResponse rest = h.call(DescribeAlarmHistoryRequest.builder().alarmName("a")
                .maxRecords(10).nextToken(first.nextToken()).build());
        assertThat(rest.alarmHistoryItems()).hasSize(3);
        assertThat(rest.alarmHistoryItems().get(2).historySummary()).isEqualTo("Alarm \"a\" created");
        DescribeAlarmHistoryResponse ranged = h.call(DescribeAlarmHistoryRequest.builder()
                .startDate(AlarmsHarness.START.plusSeconds(1)).endDate(AlarmsHarness.START.plusSeconds(2)).build());
        assertThat(ranged.alarmHistoryItems()).hasSize(2);
    }
}
