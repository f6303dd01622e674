package io.watchpost.logs;

import static io.watchpost.logs.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;

class MetricFiltersTest {
    @TempDir
    Path dir;

    private FiltersHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new FiltersHarness(dir);
        h.createGroup("app");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    static MetricTransformation.Builder counter(String name) {
        return MetricTransformation.builder().metricName(name).metricNamespace("App").metricValue("1");
    }

    static PutMetricFilterRequest.Builder put(String group, String name, MetricTransformation.Builder t) {
        return PutMetricFilterRequest.builder().logGroupName(group).filterName(name).filterPattern("ERROR")
                .metricTransformations(t.build());
    }

    private void put(PutMetricFilterRequest.Builder request) {
        h.call(request.build());
    }

    private List<MetricFilter> describe(DescribeMetricFiltersRequest.Builder request) {
        DescribeMetricFiltersResponse response = h.call(request.build());
        return response.metricFilters();
    }

    private static void assertInvalid(Runnable call, String message) {
        assertAwsError(call::run, AwsError.LOGS_INVALID_PARAMETER, message);
    }

    @Test
    void putsAndDescribesEveryField() {
        put(put("app", "errors", counter("Errors").defaultValue(0.0).unit("Count")).applyOnTransformedLogs(true));

        MetricFilter filter = describe(DescribeMetricFiltersRequest.builder().logGroupName("app")).getFirst();
        assertThat(filter.filterName()).isEqualTo("errors");
        assertThat(filter.filterPattern()).isEqualTo("ERROR");
        assertThat(filter.logGroupName()).isEqualTo("app");
        assertThat(filter.creationTime()).isEqualTo(Harness.START.toEpochMilli());
        assertThat(filter.applyOnTransformedLogs()).isTrue();
        MetricTransformation t = filter.metricTransformations().getFirst();
        assertThat(t.metricName()).isEqualTo("Errors");
        assertThat(t.metricNamespace()).isEqualTo("App");
        assertThat(t.metricValue()).isEqualTo("1");
        assertThat(t.defaultValue()).isEqualTo(0.0);
        assertThat(t.unitAsString()).isEqualTo("Count");
        assertThat(t.hasDimensions()).isFalse();
    }

    @Test
    void putWithTheSameNameReplaces() {
        put(put("app", "errors", counter("Errors")));
        put(put("app", "errors", counter("Faults")).filterPattern(" "));

        List<MetricFilter> filters = describe(DescribeMetricFiltersRequest.builder().logGroupName("app"));
        assertThat(filters).singleElement().satisfies(f -> {
            assertThat(f.filterPattern()).isEqualTo(" ");
            assertThat(f.metricTransformations().getFirst().metricName()).isEqualTo("Faults");
            assertThat(f.applyOnTransformedLogs()).isFalse();
        });
    }

    @Test
    void describesByPrefixByMetricAndAcrossGroupsInNameOrder() {
        h.createGroup("other");
        put(put("app", "b-filter", counter("M1")));
        put(put("app", "a-filter", counter("M2")));
        put(put("other", "a-filter", counter("M1")));

        assertThat(describe(DescribeMetricFiltersRequest.builder()))
                .extracting(f -> f.filterName() + "@" + f.logGroupName())
                .containsExactly("a-filter@app", "a-filter@other", "b-filter@app");
        assertThat(describe(DescribeMetricFiltersRequest.builder().logGroupName("app").filterNamePrefix("b")))
                .extracting(MetricFilter::filterName).containsExactly("b-filter");
        assertThat(describe(DescribeMetricFiltersRequest.builder().metricName("M1").metricNamespace("App")))
                .extracting(MetricFilter::logGroupName).containsExactly("other", "app");
    }

    @Test
    void paginatesWithTokens() {
        IntStream.range(0, 5).forEach(i -> put(put("app", "f" + i, counter("M"))));

        DescribeMetricFiltersResponse first = h.call(DescribeMetricFiltersRequest.builder().limit(2).build());
        assertThat(first.metricFilters()).extracting(MetricFilter::filterName).containsExactly("f0", "f1");
        DescribeMetricFiltersResponse second = h.call(
                DescribeMetricFiltersRequest.builder().limit(2).nextToken(first.nextToken()).build());
        assertThat(second.metricFilters()).extracting(MetricFilter::filterName).containsExactly("f2", "f3");
        DescribeMetricFiltersResponse last = h.call(
                DescribeMetricFiltersRequest.builder().limit(2).nextToken(second.nextToken()).build());
        assertThat(last.metricFilters()).extracting(MetricFilter::filterName).containsExactly("f4");
        assertThat(last.nextToken()).isNull();
        assertInvalid(() -> h.call(DescribeMetricFiltersRequest.builder().nextToken("bogus").build()),
                "The specified nextToken is invalid.");
    }

    @Test
    void deletes() {
        put(put("app", "errors", counter("Errors")));
        h.call(DeleteMetricFilterRequest.builder().logGroupName("app").filterName("errors").build());

        assertThat(describe(DescribeMetricFiltersRequest.builder().logGroupName("app"))).isEmpty();
        assertAwsError(() -> h.call(DeleteMetricFilterRequest.builder().logGroupName("app").filterName("errors")
                .build()), AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified metric filter does not exist.");
        assertAwsError(() -> h.call(DeleteMetricFilterRequest.builder().logGroupName("nope").filterName("errors")
                .build()), AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }

    @Test
    void metricFilterCountOfDescribeLogGroupsFollowsTheFilters() {
        put(put("app", "a", counter("M")));
        put(put("app", "b", counter("M")));
        h.call(DeleteMetricFilterRequest.builder().logGroupName("app").filterName("a").build());

        DescribeLogGroupsResponse groups = h.call(DescribeLogGroupsRequest.builder().build());
        assertThat(groups.logGroups().getFirst().metricFilterCount()).isEqualTo(1);
    }

    @Test
    void aRecreatedGroupDoesNotInheritTheFiltersOfTheDeletedOne() {
        put(put("app", "a", counter("M")));
        h.deleteGroup("app");
        h.clock.advance(java.time.Duration.ofSeconds(1));
        h.createGroup("app");

        assertThat(describe(DescribeMetricFiltersRequest.builder().logGroupName("app"))).isEmpty();
        assertThat(describe(DescribeMetricFiltersRequest.builder())).isEmpty();
        DescribeLogGroupsResponse groups = h.call(DescribeLogGroupsRequest.builder().build());
        assertThat(groups.logGroups().getFirst().metricFilterCount()).isZero();
    }

    @Test
    void filtersSurviveARestart() throws Exception {
        put(put("app", "errors", counter("Errors").unit("Count")));
        h.reopen();

        assertThat(describe(DescribeMetricFiltersRequest.builder().logGroupName("app")))
                .extracting(MetricFilter::filterName).containsExactly("errors");
    }

    @Test
    void refusesTheHundredAndFirstFilterButNotAReplacement() {
        IntStream.range(0, 100).forEach(i -> put(put("app", "f" + i, counter("M"))));

        assertAwsError(() -> put(put("app", "f100", counter("M"))), AwsError.LOGS_LIMIT_EXCEEDED,
                "Resource limit exceeded.");
        put(put("app", "f0", counter("Other")));
    }

    @Test
    void refusesAMissingGroup() {
        assertAwsError(() -> put(put("nope", "f", counter("M"))), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertAwsError(() -> h.call(DescribeMetricFiltersRequest.builder().logGroupName("nope").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }

    @Test
    void reportsModelConstraintsTogether() {
        assertInvalid(() -> h.call(PutMetricFilterRequest.builder().build()), "4 validation errors detected: "
                + "Value null at 'logGroupName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'filterName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'filterPattern' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'metricTransformations' failed to satisfy constraint: Member must not be null");
        assertInvalid(() -> put(put("app", "f", counter("M")).metricTransformations(counter("a").build(),
                counter("b").build())), "1 validation error detected: Value at 'metricTransformations' failed to "
                + "satisfy constraint: Member must have length less than or equal to 1");
        assertInvalid(() -> put(put("app", "f:x", counter("a:b"))), "2 validation errors detected: "
                + "Value at 'filterName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [^:*]*; Value at 'metricTransformations.1.member.metricName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [^:*$]*");
        assertInvalid(() -> put(put("app", "f", counter("M").unit("Parsecs"))), "1 validation error detected: "
                + "Value at 'metricTransformations.1.member.unit' failed to satisfy constraint: Member must satisfy "
                + "enum value set: [Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, "
                + "Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, Count, Bytes/Second, "
                + "Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, "
                + "Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None]");
        assertInvalid(() -> put(put("x".repeat(513), "f", counter("M"))),
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        assertInvalid(() -> put(put("app", "f", counter("M")).filterPattern("x".repeat(1025))),
                "1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must "
                + "have length less than or equal to 1024");
    }

    @Test
    void refusesInvalidPatternsAndTransformations() {
        assertInvalid(() -> put(put("app", "f", counter("M")).filterPattern("{ $.a = ")),
                "If a filter pattern starts with '{' it must end with '}'");
        assertInvalid(() -> put(put("app", "f", counter("M").metricValue("abc"))),
                "Invalid metric transformation: metric value abc must be a valid number");
        assertInvalid(() -> put(put("app", "f", counter("M").defaultValue(0.0).dimensions(Map.of("a", "$a")))),
                "Invalid metric transformation: dimensions and default value are mutually exclusive properties");
        assertInvalid(() -> put(put("app", "f", counter("M").dimensions(Map.of("a", "literal")))),
                "Invalid metric transformation: dimension value must be valid selector");
        assertInvalid(() -> put(put("app", "f", counter("M").dimensions(
                Map.of("a", "$a", "b", "$b", "c", "$c", "d", "$d")))),
                "Invalid metric transformation: a maximum of 3 dimensions is allowed");
        assertInvalid(() -> h.call(DescribeMetricFiltersRequest.builder().metricName("M").build()),
                "Describe Metric Filters request must contain both MetricName and MetricNamespace");
        put(put("app", "ok", counter("M").metricValue("$.latency").dimensions(Map.of("Host", "$.host"))));
        put(put("app", "ok2", counter("M").metricValue("-1.5e2")));
    }
}
