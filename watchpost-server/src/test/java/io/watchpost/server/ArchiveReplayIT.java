package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ManagedRuleException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Archives and replay through the real server with the SDK v2 client: an archive on a custom bus comes with its
 * managed rule, keeps the events its pattern selects, and a replay of a time window re-delivers them to one rule's
 * log-group target with {@code replay-name} set; replayed events are not archived again.
 */
class ArchiveReplayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void archiveAndReplayATimeWindow(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir);
                EventBridgeClient events = server.client(EventBridgeClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder())) {
            String busArn = events.createEventBus(r -> r.name("orders")).eventBusArn();
            String archiveArn = events.createArchive(r -> r.archiveName("orders-archive").eventSourceArn(busArn)
                    .eventPattern("{\"source\":[\"shop\"]}").retentionDays(7)).archiveArn();
            assertThat(archiveArn).isEqualTo("arn:aws:events:us-east-1:000000000000:archive/orders-archive");

            Rule managed = events.listRules(r -> r.eventBusName("orders")).rules().get(0);
            assertThat(managed.name()).isEqualTo("Events-Archive-orders-archive");
            assertThat(managed.managedBy()).isEqualTo("prod.vhs.events.aws.internal");
            assertThatThrownBy(() -> events.deleteRule(r -> r.eventBusName("orders").name(managed.name())))
                    .isInstanceOf(ManagedRuleException.class);

            Instant start = Instant.now().minusSeconds(1);
            events.putEvents(r -> r.entries(
                    entry("shop", "{\"order\":1}"), entry("shop", "{\"order\":2}"), entry("other", "{\"order\":3}")));
            Instant end = Instant.now().plusSeconds(1);
            long archived = 0;
            for (int i = 0; i < 100 && archived < 2; i++) {
                Thread.sleep(50);  // archiving follows PutEvents; bounded wait
                archived = events.describeArchive(r -> r.archiveName("orders-archive")).eventCount();
            }
            assertThat(archived).as("the archive's pattern keeps only source shop").isEqualTo(2);

            logs.createLogGroup(r -> r.logGroupName("/replayed"));
            String ruleArn = events.putRule(r -> r.eventBusName("orders").name("to-logs")
                    .eventPattern("{\"source\":[\"shop\"]}")).ruleArn();
            events.putTargets(r -> r.eventBusName("orders").rule("to-logs").targets(Target.builder().id("logs")
                    .arn("arn:aws:logs:us-east-1:000000000000:log-group:/replayed").build()));

            events.startReplay(r -> r.replayName("window").eventSourceArn(archiveArn).eventStartTime(start)
                    .eventEndTime(end).destination(ReplayDestination.builder().arn(busArn).filterArns(ruleArn)
                            .build()));
            DescribeReplayResponse replay = events.describeReplay(r -> r.replayName("window"));
            for (int i = 0; i < 200 && replay.state() != ReplayState.COMPLETED; i++) {
                Thread.sleep(50);  // a replay runs in the background: STARTING, RUNNING, COMPLETED
                replay = events.describeReplay(r -> r.replayName("window"));
            }
            assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);

            List<JsonNode> delivered = new ArrayList<>();
            for (int i = 0; i < 200 && delivered.size() < 2; i++) {
                Thread.sleep(50);  // replayed events go through the outbox to the log group
                delivered = new ArrayList<>();
                for (FilteredLogEvent e : logs.filterLogEvents(r -> r.logGroupName("/replayed")).events()) {
                    delivered.add(JSON.readTree(e.message()));
                }
            }
            assertThat(delivered).extracting(e -> e.at("/detail/order").asInt()).containsExactlyInAnyOrder(1, 2);
            assertThat(delivered).allSatisfy(e -> assertThat(e.path("replay-name").asText()).isEqualTo("window"));
            assertThat(events.describeArchive(r -> r.archiveName("orders-archive")).eventCount())
                    .as("replayed events are not archived again").isEqualTo(2);

            events.deleteArchive(r -> r.archiveName("orders-archive"));
            assertThat(events.listRules(r -> r.eventBusName("orders")).rules()).extracting(Rule::name)
                    .containsExactly("to-logs");
        }
    }

    private static PutEventsRequestEntry entry(String source, String detail) {
        return PutEventsRequestEntry.builder().eventBusName("orders").source(source).detailType("Order")
                .detail(detail).build();
    }
}
