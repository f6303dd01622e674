package io.watchpost.cloudwatch.math;

import static io.watchpost.cloudwatch.math.GetMetricDataTest.CPU;
import static io.watchpost.cloudwatch.math.GetMetricDataTest.T0;
import static io.watchpost.cloudwatch.math.GetMetricDataTest.assertValidation;
import static io.watchpost.cloudwatch.math.GetMetricDataTest.expr;
import static io.watchpost.cloudwatch.math.GetMetricDataTest.stat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

class GetMetricDataValidationTest {
    final GetMetricDataTest harness = new GetMetricDataTest();

    @Test
    void missingMembersAreModelValidationErrors() {
        assertValidation(() -> harness.service.getMetricData(Handlers.context(), GetMetricDataRequest.builder().build()),
                "3 validation errors detected: Value null at 'metricDataQueries' failed to satisfy constraint: Member"
                        + " must not be null; Value null at 'startTime' failed to satisfy constraint: Member must not"
                        + " be null; Value null at 'endTime' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void idsMustMatchThePatternAndBeUnique() {
        assertValidation(() -> harness.call(b -> b, stat("M1", CPU, "Average", 60), stat("m2", CPU, "Average", 60),
                        stat("m2", CPU, "Sum", 60)),
                "The value M1 for parameter MetricDataQueries.member.1.Id is not matching the expected pattern"
                        + " ^[a-z][a-zA-Z0-9_]*$.\n"
                        + "The value m2 for parameter MetricDataQueries.member.3.Id is not unique in the request.\n");
    }

    @Test
    void exactlyOneOfMetricStatAndExpression() {
        MetricDataQuery both = stat("m1", CPU, "Average", 60).toBuilder().expression("m1").build();
        assertValidation(() -> harness.call(b -> b, both), "The parameters MetricDataQuery Expression and MetricStat"
                + " are mutually exclusive and you have specified both.\n");
        assertValidation(() -> harness.call(b -> b, MetricDataQuery.builder().id("m1").build()),
                "The parameter MetricDataQueries.member.1.MetricStat is required.\n");
    }

    @Test
    void statisticPeriodAndMetricAreChecked() {
        MetricDataQuery badStat = stat("m1", CPU, "Median", 60);
        MetricDataQuery badPeriod = stat("m2", CPU, "p99.9", 45);
        MetricDataQuery noName = MetricDataQuery.builder().id("m3")
                .metricStat(s -> s.stat("Sum").period(60).metric(m -> m.namespace("N"))).build();
        assertValidation(() -> harness.call(b -> b, badStat, badPeriod, noName),
                "The value Median for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.\n"
                        + "The value 45 for parameter MetricDataQueries.member.2.MetricStat.Period must be 1, 5, 10,"
                        + " 20, 30 or a multiple of 60.\n"
                        + "The parameter MetricDataQueries.member.3.MetricStat.Metric.MetricName is required.\n");
    }

    @Test
    void rangeLimitsAndOptionsAreChecked() {
        assertValidation(() -> harness.call(b -> b.endTime(T0).maxDatapoints(0)
                        .labelOptions(o -> o.timezone("UTC")), stat("m1", CPU, "Average", 60)),
                "The parameter StartTime must be less than the parameter EndTime.\n"
                        + "The value 0 for parameter MaxDatapoints must be greater than 0.\n"
                        + "The value UTC for parameter LabelOptions.Timezone is not a valid time zone offset.\n");
        List<MetricDataQuery> many = new ArrayList<>(Collections.nCopies(501, stat("m1", CPU, "Average", 60)));
        assertValidation(() -> harness.call(b -> b, many.toArray(MetricDataQuery[]::new)),
                "The collection MetricDataQueries must not have a size greater than 500.\n");
    }

    @Test
    void malformedExpressionsNameTheQueryAndPosition() {
        assertValidation(() -> harness.call(b -> b, stat("m1", CPU, "Average", 60), expr("e1", "m1 +")),
                "Error in expression e1: Unexpected end of expression at position 5\n");
        assertValidation(() -> harness.call(b -> b, expr("e1", "m1 * 2")),
                "Error in expression e1: Unrecognized metric or expression id 'm1' at position 1\n");
        assertValidation(() -> harness.call(b -> b, expr("e1", "x".repeat(2049))),
                "The value for parameter MetricDataQueries.member.1.Expression must be between 1 and 2048"
                        + " characters long.\n");
    }
}
