package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.watchpost.server.config.DestinationMapping;
import io.watchpost.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmMuteRuleStatus;
import software.amazon.awssdk.services.cloudwatch.model.AlarmMuteRuleSummary;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MuteTargets;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Rule;
import software.amazon.awssdk.services.cloudwatch.model.Schedule;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Alarms through the real server: created and described with the SDK v2 client (RPC v2 CBOR); a state change runs
 * its SNS action against an HTTP endpoint mapped in configuration, and its {@code CloudWatch Alarm State Change}
 * event reaches the default bus, where a rule delivers it to a log group.
 */
class AlarmsIT {
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:pager";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer receiver;
    private final LinkedBlockingQueue<String> notifications = new LinkedBlockingQueue<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            notifications.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void stateChangesNotifyAndReachEventBridge(@TempDir Path dataDir) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/sns");
        try (TestServer server = TestServer.start(ServerConfig.forTesting(0, dataDir)
                        .withDestinations(List.of(new DestinationMapping("arn:aws:sns:*", url))));
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder());
                EventBridgeClient events = server.client(EventBridgeClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/alarm-events"));
            events.putRule(r -> r.name("alarms").eventPattern("{\"source\":[\"aws.cloudwatch\"],"
                    + "\"detail-type\":[\"CloudWatch Alarm State Change\"]}"));
            events.putTargets(r -> r.rule("alarms").targets(Target.builder().id("log")
                    .arn("arn:aws:logs:us-east-1:000000000000:log-group:/alarm-events").build()));

            cloudWatch.putMetricAlarm(r -> r.alarmName("high-latency").namespace("App").metricName("Latency")
                    .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(100.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(TOPIC));
            MetricAlarm alarm = cloudWatch.describeAlarms(r -> r.alarmNames("high-latency")).metricAlarms().get(0);
            assertThat(alarm.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
            assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:high-latency");

            cloudWatch.setAlarmState(r -> r.alarmName("high-latency").stateValue(StateValue.ALARM)
                    .stateReason("testing"));
            String notification = notifications.poll(30, TimeUnit.SECONDS);  // actions run asynchronously
            assertThat(notification).isNotNull();
            JsonNode envelope = JSON.readTree(notification);
            assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.path("TopicArn").asText()).isEqualTo(TOPIC);
            assertThat(JSON.readTree(envelope.path("Message").asText()).path("NewStateValue").asText())
                    .isEqualTo("ALARM");

            List<OutputLogEvent> delivered = List.of();
            for (int i = 0; i < 300 && delivered.isEmpty(); i++) {
                Thread.sleep(100);  // the event travels bus → outbox → log group asynchronously; bounded wait
                delivered = logs.filterLogEvents(r -> r.logGroupName("/alarm-events")).events().stream()
                        .map(e -> OutputLogEvent.builder().message(e.message()).build()).toList();
            }
            assertThat(delivered).isNotEmpty();
            JsonNode event = JSON.readTree(delivered.get(0).message());
            assertThat(event.path("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
            assertThat(event.at("/detail/state/value").asText()).isEqualTo("ALARM");

            List<AlarmHistoryItem> history = cloudWatch.describeAlarmHistory(r -> r.alarmName("high-latency"))
                    .alarmHistoryItems();
            assertThat(history).extracting(item -> item.historyItemTypeAsString())
                    .contains("StateUpdate", "ConfigurationUpdate");

            assertThatThrownBy(() -> cloudWatch.putMetricAlarm(r -> r.alarmName("bad").namespace("App")
                    .metricName("Latency").statistic(Statistic.AVERAGE).period(7).evaluationPeriods(1)
                    .threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)))
                    .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("bad")).metricAlarms())
                    .as("a refused alarm changes nothing").isEmpty();
        }
    }

    /**
     * A mute rule holds an alarm's SNS action while it is active; the state change still reaches history. Deleting
     * the rule unmutes at once, and the alarm, still in ALARM, runs the action then.
     */
    @Test
    void muteRulesHoldActionsUntilTheRuleIsDeleted(@TempDir Path dataDir) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/sns");
        try (TestServer server = TestServer.start(ServerConfig.forTesting(0, dataDir)
                        .withDestinations(List.of(new DestinationMapping("arn:aws:sns:*", url))));
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder())) {
            cloudWatch.putMetricAlarm(r -> r.alarmName("disk").namespace("App").metricName("Disk")
                    .statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(1).threshold(90.0)
                    .treatMissingData("ignore")
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(TOPIC));
            String now = java.time.Instant.now().minusSeconds(60).toString().substring(0, 16);
            cloudWatch.putAlarmMuteRule(r -> r.name("maintenance").description("patching")
                    .rule(Rule.builder().schedule(Schedule.builder().expression("at(" + now + ")")
                            .duration("PT2H").build()).build())
                    .muteTargets(MuteTargets.builder().alarmNames("disk").build()));
            GetAlarmMuteRuleResponse rule = cloudWatch.getAlarmMuteRule(r -> r.alarmMuteRuleName("maintenance"));
            assertThat(rule.status()).isEqualTo(AlarmMuteRuleStatus.ACTIVE);
            assertThat(rule.muteType()).isEqualTo("ONE_TIME");
            assertThat(cloudWatch.listAlarmMuteRules(r -> r.alarmName("disk")).alarmMuteRuleSummaries())
                    .extracting(AlarmMuteRuleSummary::alarmMuteRuleArn)
                    .containsExactly("arn:aws:cloudwatch:us-east-1:000000000000:alarm-mute-rule:maintenance");

            cloudWatch.setAlarmState(r -> r.alarmName("disk").stateValue(StateValue.ALARM).stateReason("testing"));
            assertThat(cloudWatch.describeAlarmHistory(r -> r.alarmName("disk")).alarmHistoryItems())
                    .extracting(AlarmHistoryItem::historySummary).contains("Alarm updated from INSUFFICIENT_DATA "
                            + "to ALARM");
            assertThat(notifications.poll(2, TimeUnit.SECONDS)).as("the action is muted").isNull();

            cloudWatch.deleteAlarmMuteRule(r -> r.alarmMuteRuleName("maintenance"));
            String notification = notifications.poll(30, TimeUnit.SECONDS);
            assertThat(notification).as("released when the rule is deleted").isNotNull();
            assertThat(JSON.readTree(JSON.readTree(notification).path("Message").asText()).path("AlarmName")
                    .asText()).isEqualTo("disk");
            assertThatThrownBy(() -> cloudWatch.getAlarmMuteRule(r -> r.alarmMuteRuleName("maintenance")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThat(cloudWatch.describeAlarmContributors(r -> r.alarmName("disk")).alarmContributors()).isEmpty();
        }
    }
}
