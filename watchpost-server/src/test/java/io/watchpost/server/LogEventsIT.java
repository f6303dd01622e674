package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Log streams and events through the real server: PutLogEvents with AWS's rejections, GetLogEvents tokens,
 * FilterLogEvents with a filter pattern, a metric filter publishing to CloudWatch, and a restart.
 */
class LogEventsIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        logs = server.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        logs.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.watchpost().reset();
        logs.createLogGroup(r -> r.logGroupName("/app"));
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("web-1"));
    }

    private static InputLogEvent event(Instant at, String message) {
        return InputLogEvent.builder().timestamp(at.toEpochMilli()).message(message).build();
    }

    @Test
    void putAndReadWithTokens() {
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS);
        List<InputLogEvent> events = IntStream.range(0, 25)
                .mapToObj(i -> event(base.plusSeconds(i), "line " + i)).toList();
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-1").logEvents(events));
        GetLogEventsResponse first = logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")
                .startFromHead(true).limit(10));
        assertThat(first.events()).extracting(OutputLogEvent::message).startsWith("line 0", "line 1");
        assertThat(first.events()).hasSize(10);
        GetLogEventsResponse second = logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")
                .startFromHead(true).limit(10).nextToken(first.nextForwardToken()));
        assertThat(second.events().get(0).message()).isEqualTo("line 10");
        GetLogEventsResponse latest = logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1"));
        assertThat(latest.events()).hasSize(25);
        GetLogEventsResponse end = logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")
                .nextToken(latest.nextForwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(latest.nextForwardToken());
    }

    @Test
    void tooOldAndTooNewEventsAreReportedAndTheRestStored() {
        Instant now = Instant.now();
        PutLogEventsResponse response = logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")
                .logEvents(event(now.minus(Duration.ofDays(15)), "ancient"), event(now.minusSeconds(5), "ok"),
                        event(now.plus(Duration.ofHours(3)), "future")));
        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(2);
        assertThat(logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")).events())
                .extracting(OutputLogEvent::message).containsExactly("ok");
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("missing")
                .logEvents(event(now, "x")))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void filterLogEventsAcrossStreams() {
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("web-2"));
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES);
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")
                .logEvents(event(base, "ERROR disk full"), event(base.plusSeconds(2), "INFO fine")));
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-2")
                .logEvents(event(base.plusSeconds(1), "ERROR timeout")));
        List<FilteredLogEvent> errors = logs.filterLogEvents(r -> r.logGroupName("/app").filterPattern("ERROR"))
                .events();
        assertThat(errors).extracting(FilteredLogEvent::message).containsExactly("ERROR disk full", "ERROR timeout");
        assertThat(errors).extracting(FilteredLogEvent::logStreamName).containsExactly("web-1", "web-2");
    }

    @Test
    void metricFiltersPublishToCloudWatch() {
        logs.putMetricFilter(r -> r.logGroupName("/app").filterName("errors").filterPattern("[level = ERROR, ...]")
                .metricTransformations(MetricTransformation.builder().metricNamespace("AppLogs")
                        .metricName("Errors").metricValue("1").build()));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-1").logEvents(
                event(at, "ERROR a"), event(at.plusSeconds(1), "INFO b"), event(at.plusSeconds(2), "ERROR c")));
        try (CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder())) {
            var points = cloudWatch.getMetricStatistics(r -> r.namespace("AppLogs").metricName("Errors")
                    .startTime(at).endTime(at.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints();
            assertThat(points).singleElement().satisfies(p -> assertThat(p.sum()).isEqualTo(2.0));
        }
    }

    @Test
    @SuppressWarnings("deprecation")  // TagLogGroup and ListTagsLogGroup are the legacy family AWS still serves
    void groupSettingsTagsAndListing() {
        logs.createLogGroup(r -> r.logGroupName("/app/api").tags(java.util.Map.of("team", "payments")));
        logs.tagLogGroup(r -> r.logGroupName("/app/api").tags(java.util.Map.of("tier", "gold")));
        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:/app/api";
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsEntry("team", "payments").containsEntry("tier", "gold");
        logs.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("/app/api")).tags()).containsOnlyKeys("tier");
        assertThat(logs.listLogGroups(r -> r.logGroupNamePattern("^/app/a")).logGroups())
                .extracting(g -> g.logGroupName()).containsExactly("/app/api");
        assertThat(logs.listLogGroups(r -> r.logGroupNamePattern("api|nothing")).logGroups().get(0).logGroupArn())
                .isEqualTo(arn);
        String id = logs.putQueryDefinition(r -> r.name("errors").queryString("fields @message")
                .logGroupNames("/app")).queryDefinitionId();
        assertThat(logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix("err")).queryDefinitions())
                .extracting(q -> q.queryDefinitionId()).containsExactly(id);
    }

    @Test
    void eventsSurviveARestart() throws Exception {
        Instant at = Instant.now().minusSeconds(30);
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("web-1").logEvents(event(at, "durable")));
        server.restart();
        logs.close();  // its pooled connections went with the old server
        logs = server.client(CloudWatchLogsClient.builder());
        assertThat(logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("web-1")).events())
                .extracting(OutputLogEvent::message).containsExactly("durable");
    }

    /** Vended-log delivery configuration round-trips through the SDK, and a destination in use cannot go. */
    @Test
    void vendedLogDeliveriesAreConfigured() {
        String account = "000000000000";
        logs.putDeliverySource(r -> r.name("api-logs").logType("ACCESS_LOGS")
                .resourceArn("arn:aws:apigateway:us-east-1::/restapis/abc123/stages/prod"));
        String destinationArn = logs.putDeliveryDestination(r -> r.name("api-logs-group")
                .deliveryDestinationConfiguration(c -> c.destinationResourceArn(
                        "arn:aws:logs:us-east-1:" + account + ":log-group:/vended/api"))).deliveryDestination().arn();
        String id = logs.createDelivery(r -> r.deliverySourceName("api-logs").deliveryDestinationArn(destinationArn))
                .delivery().id();
        assertThat(logs.describeDeliveries(r -> r.limit(10)).deliveries()).extracting(d -> d.id()).contains(id);
        assertThat(logs.getDelivery(r -> r.id(id)).delivery().deliveryDestinationTypeAsString()).isEqualTo("CWL");
        assertThat(logs.getDeliverySource(r -> r.name("api-logs")).deliverySource().service())
                .isEqualTo("apigateway");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> logs.deleteDeliveryDestination(
                r -> r.name("api-logs-group"))).isInstanceOf(
                        software.amazon.awssdk.services.cloudwatchlogs.model.ConflictException.class);
        String deliveryArn = logs.getDelivery(r -> r.id(id)).delivery().arn();
        logs.tagResource(r -> r.resourceArn(deliveryArn).tags(java.util.Map.of("team", "api", "env", "dev")));
        logs.untagResource(r -> r.resourceArn(deliveryArn).tagKeys("env"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(deliveryArn)).tags())
                .isEqualTo(java.util.Map.of("team", "api"));
        assertThat(logs.getDelivery(r -> r.id(id)).delivery().tags()).isEqualTo(java.util.Map.of("team", "api"));
        logs.tagResource(r -> r.resourceArn(destinationArn).tags(java.util.Map.of("owner", "ops")));
        assertThat(logs.getDeliveryDestination(r -> r.name("api-logs-group")).deliveryDestination().tags())
                .isEqualTo(java.util.Map.of("owner", "ops"));
        logs.deleteDelivery(r -> r.id(id));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> logs.listTagsForResource(
                r -> r.resourceArn(deliveryArn))).isInstanceOf(
                        software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class);
        logs.deleteDeliveryDestination(r -> r.name("api-logs-group"));
        logs.deleteDeliverySource(r -> r.name("api-logs"));
        assertThat(logs.describeDeliverySources(r -> r.limit(10)).deliverySources()).isEmpty();
    }
}
