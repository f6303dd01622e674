package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.MutableClock;
import io.watchpost.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The alarm engine of the running server, on a clock the test moves: a 10-second high-resolution alarm goes to
 * ALARM once the period holding a breaching datapoint is complete, and back to OK after a good one; the composite
 * alarm over it follows; each change reaches a rule's log-group target as a {@code CloudWatch Alarm State Change}
 * event; history shows both transitions. The engine and the outbox run on the server's own ticker.
 */
class AlarmEvaluationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dimension HOST = Dimension.builder().name("Host").value("web-1").build();

    @Test
    void highResolutionAlarmFollowsItsDataAndTheCompositeFollowsIt(@TempDir Path dataDir) throws Exception {
        Instant start = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 10 * 10 + 1);
        MutableClock clock = new MutableClock(start);
        try (TestServer server = TestServer.start(ServerConfig.forTesting(0, dataDir), clock);
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder());
                EventBridgeClient events = server.client(EventBridgeClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/alarms"));
            events.putRule(r -> r.name("alarm-changes").eventPattern("{\"source\":[\"aws.cloudwatch\"],"
                    + "\"detail-type\":[\"CloudWatch Alarm State Change\"],\"detail\":{\"alarmName\":[\"cpu\"]}}"));
            events.putTargets(r -> r.rule("alarm-changes").targets(Target.builder().id("log")
                    .arn("arn:aws:logs:us-east-1:000000000000:log-group:/alarms").build()));
            cloudWatch.putMetricAlarm(r -> r.alarmName("cpu").namespace("App").metricName("CPU").dimensions(HOST)
                    .statistic(Statistic.MAXIMUM).period(10).evaluationPeriods(1).threshold(80.0)
                    .treatMissingData("ignore").comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            cloudWatch.putCompositeAlarm(r -> r.alarmName("service").alarmRule("ALARM(cpu)"));
            assertThat(state(cloudWatch, "cpu")).isEqualTo(StateValue.INSUFFICIENT_DATA);

            put(cloudWatch, clock.instant(), 95.0);
            clock.advance(Duration.ofSeconds(10));
            assertThat(await(() -> state(cloudWatch, "cpu"), StateValue.ALARM)).isEqualTo(StateValue.ALARM);
            assertThat(await(() -> compositeState(cloudWatch), StateValue.ALARM)).isEqualTo(StateValue.ALARM);
            String reason = cloudWatch.describeAlarms(r -> r.alarmNames("cpu")).metricAlarms().get(0).stateReason();
            assertThat(reason).isEqualTo("Threshold Crossed: 1 datapoint [95.0 ("
                    + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
                            .withZone(java.time.ZoneOffset.UTC).format(start.minusSeconds(1))
                    + ")] was greater than the threshold (80.0).");

            put(cloudWatch, clock.instant(), 20.0);
            clock.advance(Duration.ofSeconds(10));
            assertThat(await(() -> state(cloudWatch, "cpu"), StateValue.OK)).isEqualTo(StateValue.OK);
            assertThat(await(() -> compositeState(cloudWatch), StateValue.OK)).isEqualTo(StateValue.OK);

            List<AlarmHistoryItem> history = cloudWatch.describeAlarmHistory(r -> r.alarmName("cpu")
                    .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems();
            assertThat(history).extracting(AlarmHistoryItem::historySummary).containsExactly(
                    "Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM");

            List<String> delivered = new ArrayList<>();
            for (int i = 0; i < 300 && delivered.size() < 2; i++) {
                Thread.sleep(100);  // the events travel bus → outbox → log group on the ticker; bounded wait
                clock.advance(Duration.ofMillis(500));  // the outbox runs on the (test-driven) clock
                delivered = logs.filterLogEvents(r -> r.logGroupName("/alarms")).events().stream()
                        .map(FilteredLogEvent::message).toList();
            }
            List<String> states = new ArrayList<>();
            for (String message : delivered) {
                JsonNode event = JSON.readTree(message);
                assertThat(event.path("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
                states.add(event.at("/detail/previousState/value").asText() + "->"
                        + event.at("/detail/state/value").asText());
            }
            assertThat(states).containsExactlyInAnyOrder("INSUFFICIENT_DATA->ALARM", "ALARM->OK");
        }
    }

    private static void put(CloudWatchClient cloudWatch, Instant at, double value) {
        cloudWatch.putMetricData(r -> r.namespace("App").metricData(MetricDatum.builder().metricName("CPU")
                .dimensions(HOST).timestamp(at).value(value).storageResolution(1).build()));
    }

    private static StateValue state(CloudWatchClient cloudWatch, String name) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0).stateValue();
    }

    private static StateValue compositeState(CloudWatchClient cloudWatch) {
        return cloudWatch.describeAlarms(r -> r.alarmNames("service").alarmTypes(AlarmType.COMPOSITE_ALARM))
                .compositeAlarms().get(0).stateValue();
    }

    /** Polls until {@code read} answers {@code expected} (the server's ticker runs due work once a second). */
    private static StateValue await(Supplier<StateValue> read, StateValue expected) throws InterruptedException {
        StateValue seen = read.get();
        for (int i = 0; i < 100 && seen != expected; i++) {
            Thread.sleep(100);
            seen = read.get();
        }
        return seen;
    }
}
