package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Requests with absent or null members answer an AWS error (or succeed), never a runtime failure. */
class AlarmRobustnessTest {
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

    static Stream<Object> requests() {
        return Stream.of(
                PutMetricAlarmRequest.builder().build(),
                PutMetricAlarmRequest.builder().alarmName("a").build(),
                PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1).comparisonOperator("x").build(),
                PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1)
                        .comparisonOperator("GreaterThanThreshold").build(),
                PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1)
                        .comparisonOperator("GreaterThanThreshold").metrics(Arrays.asList((MetricDataQuery) null))
                        .build(),
                PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1).threshold(1.0)
                        .comparisonOperator("GreaterThanThreshold").metrics(MetricDataQuery.builder().build()).build(),
                PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1).threshold(1.0)
                        .comparisonOperator("GreaterThanThreshold").metricName("m").namespace("n").statistic("Sum")
                        .period(60).dimensions(Arrays.asList((Dimension) null)).tags(Arrays.asList((Tag) null))
                        .build(),
                PutCompositeAlarmRequest.builder().build(),
                PutCompositeAlarmRequest.builder().alarmName("c").alarmRule("ALARM(\"").build(),
                DescribeAlarmsRequest.builder().alarmTypesWithStrings("Nope").build(),
                DescribeAlarmsRequest.builder().childrenOfAlarmName("missing").build(),
                DescribeAlarmHistoryRequest.builder().nextToken("x").build(),
                DescribeAlarmsForMetricRequest.builder().build(),
                DescribeAlarmsForMetricRequest.builder().namespace("n").metricName("m")
                        .dimensions(Arrays.asList((Dimension) null)).build(),
                SetAlarmStateRequest.builder().build(),
                DeleteAlarmsRequest.builder().build(),
                DeleteAlarmsRequest.builder().alarmNames(Arrays.asList((String) null)).build(),
                EnableAlarmActionsRequest.builder().build(),
                DisableAlarmActionsRequest.builder().alarmNames(Arrays.asList((String) null)).build());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void answersAnAwsErrorOrSucceeds(Object request) {
        try {
            h.call(request);
        } catch (AwsException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
