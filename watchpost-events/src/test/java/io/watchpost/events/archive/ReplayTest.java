package io.watchpost.events.archive;

import static io.watchpost.events.archive.Harness.CTX;
import static io.watchpost.events.archive.Harness.DEFAULT_BUS;
import static io.watchpost.events.archive.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysRequest;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.StartReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;

class ReplayTest {
    static final String ARCHIVE = "arn:aws:events:us-east-1:000000000000:archive/all";
    static final String RULE_A = "arn:aws:events:us-east-1:000000000000:rule/a";
    static final String QUEUE_A = "arn:aws:sqs:us-east-1:000000000000:a";
    static final String QUEUE_B = "arn:aws:sqs:us-east-1:000000000000:b";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    Harness h;
    Instant second;

    @BeforeEach
    void setUp() throws IOException {
        h = new Harness(directory);
        h.rule("default", "a", "{\"source\":[\"orders\"]}", QUEUE_A);
        h.rule("default", "b", "{\"source\":[\"orders\"]}", QUEUE_B);
        h.archives.createArchive(CTX, CreateArchiveRequest.builder().archiveName("all").eventSourceArn(DEFAULT_BUS)
                .build());
        h.put("default", "orders", "{\"n\":1}");
        h.clock.advance(Duration.ofMinutes(10));
        second = h.clock.instant();
        h.put("default", "orders", "{\"n\":2}");
        h.clock.advance(Duration.ofMinutes(10));
        h.put("default", "orders", "{\"n\":3}");
        h.clock.advance(Duration.ofMinutes(10));
        h.delivered.clear();
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
    }

    private StartReplayRequest.Builder replay(String name) {
        return StartReplayRequest.builder().replayName(name).eventSourceArn(ARCHIVE)
                .eventStartTime(second.minusSeconds(60)).eventEndTime(second.plusSeconds(60))
                .destination(ReplayDestination.builder().arn(DEFAULT_BUS).filterArns(RULE_A).build());
    }

    private DescribeReplayResponse describe(String name) {
        return h.archives.handlers().find(DescribeReplayRequest.class).map(handler -> (DescribeReplayResponse)
                handler.handle(CTX, DescribeReplayRequest.builder().replayName(name).build())).orElseThrow();
    }

    private <O> O call(Object request, Class<O> type) {
        return h.call(h.archives, request, type);
    }

    @Test
    void replaysTheWindowToTheFilterRulesOnly() throws IOException {
        StartReplayResponse started = call(replay("r1").build(), StartReplayResponse.class);
        assertThat(started.state()).isEqualTo(ReplayState.STARTING);
        assertThat(started.replayArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:replay/r1");
        assertThat(started.replayStartTime()).isEqualTo(h.clock.instant());
        assertThat(describe("r1").state()).isEqualTo(ReplayState.STARTING);

        h.tick();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.RUNNING);
        h.clock.advance(Duration.ofSeconds(1));
        h.tick();

        DescribeReplayResponse done = describe("r1");
        assertThat(done.state()).isEqualTo(ReplayState.COMPLETED);
        assertThat(done.replayEndTime()).isEqualTo(h.clock.instant());
        assertThat(done.eventLastReplayedTime()).isEqualTo(second);
        assertThat(done.destination().filterArns()).containsExactly(RULE_A);
        assertThat(h.delivered).singleElement().satisfies(d -> {
            assertThat(d.targetArn()).isEqualTo(QUEUE_A);
            JsonNode event = JSON.readTree(d.payload());
            assertThat(event.path("replay-name").asText()).isEqualTo("r1");
            assertThat(event.path("detail").path("n").asInt()).isEqualTo(2);
            assertThat(fieldNames(event)).containsExactly("version", "id", "detail-type", "source", "account", "time",
                    "region", "replay-name", "resources", "detail");
        });
        // Replayed events are not archived again.
        assertThat(h.archives.describeArchive(CTX, DescribeArchiveRequest.builder().archiveName("all").build())
                .eventCount()).isEqualTo(3);

        ListReplaysResponse listed = call(ListReplaysRequest.builder().build(), ListReplaysResponse.class);
        assertThat(listed.replays()).singleElement().satisfies(r -> {
            assertThat(r.replayName()).isEqualTo("r1");
            assertThat(r.state()).isEqualTo(ReplayState.COMPLETED);
            assertThat(r.eventSourceArn()).isEqualTo(ARCHIVE);
        });
        assertAwsError(() -> call(CancelReplayRequest.builder().replayName("r1").build(), Object.class),
                AwsError.EVENTS_ILLEGAL_STATUS, "Replay r1 is not in a valid state for this operation.");
    }

    @Test
    void withoutFilterEveryRuleOfTheBusReceives() {
        call(replay("all-rules").destination(ReplayDestination.builder().arn(DEFAULT_BUS).build()).build(),
                Object.class);
        h.tick();
        h.tick();
        assertThat(h.delivered).extracting(Harness.Delivered::targetArn).containsExactlyInAnyOrder(QUEUE_A, QUEUE_B);
    }

    @Test
    void cancel() {
        call(replay("r1").build(), Object.class);
        var cancelled = call(CancelReplayRequest.builder().replayName("r1").build(),
                software.amazon.awssdk.services.eventbridge.model.CancelReplayResponse.class);
        assertThat(cancelled.state()).isEqualTo(ReplayState.CANCELLING);
        assertThat(describe("r1").state()).isEqualTo(ReplayState.CANCELLING);
        h.tick();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.CANCELLED);
        assertThat(describe("r1").replayEndTime()).isEqualTo(h.clock.instant());
        assertThat(h.delivered).isEmpty();
        assertThat(call(ListReplaysRequest.builder().state("CANCELLED").build(), ListReplaysResponse.class).replays())
                .hasSize(1);
    }

    @Test
    void resumesAfterRestart() throws IOException {
        call(replay("r1").build(), Object.class);
        h.tick();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.RUNNING);
        h.restart();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.RUNNING);
        h.tick();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.COMPLETED);
        assertThat(h.delivered).extracting(Harness.Delivered::targetArn).containsExactly(QUEUE_A);
    }

    @Test
    void failsWhenTheArchiveGoes() {
        call(replay("r1").build(), Object.class);
        h.tick();
        h.archives.deleteArchive(CTX, software.amazon.awssdk.services.eventbridge.model.DeleteArchiveRequest.builder()
                .archiveName("all").build());
        h.tick();
        assertThat(describe("r1").state()).isEqualTo(ReplayState.FAILED);
        assertThat(describe("r1").stateReason()).isEqualTo("Archive all does not exist.");
    }

    @Test
    void startErrors() {
        call(replay("dup").build(), Object.class);
        assertAwsError(() -> call(replay("dup").build(), Object.class), AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                "Replay dup already exists.");
        assertAwsError(() -> call(replay("x").eventSourceArn("arn:aws:events:us-east-1:000000000000:archive/nope")
                .build(), Object.class), AwsError.EVENTS_VALIDATION,
                "Parameter EventSourceArn is not valid. Reason: Archive nope does not exist.");
        h.call(h.buses, CreateEventBusRequest.builder().name("other").build(), Object.class);
        assertAwsError(() -> call(replay("x").destination(ReplayDestination.builder()
                        .arn("arn:aws:events:us-east-1:000000000000:event-bus/other").build()).build(), Object.class),
                AwsError.EVENTS_VALIDATION,
                "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
        assertAwsError(() -> call(replay("x").destination(ReplayDestination.builder()
                        .arn("arn:aws:events:us-east-1:000000000000:event-bus/nope").build()).build(), Object.class),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
        assertAwsError(() -> call(replay("x").destination(ReplayDestination.builder().arn(RULE_A).build()).build(),
                Object.class), AwsError.EVENTS_VALIDATION,
                "Parameter Destination.Arn is not valid. Reason: Must contain an event bus ARN.");
        assertAwsError(() -> call(replay("x").eventEndTime(second.minusSeconds(60)).build(), Object.class),
                AwsError.EVENTS_VALIDATION,
                "Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
        assertAwsError(() -> call(replay("x").eventStartTime(null).build(), Object.class), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value null at 'eventStartTime' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> call(replay("x").destination((ReplayDestination) null).build(), Object.class),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at 'destination' failed to "
                        + "satisfy constraint: Member must not be null");
    }

    @Test
    void unknownReplayAndListErrors() {
        assertAwsError(() -> describe("nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Replay nope does not exist.");
        assertAwsError(() -> call(CancelReplayRequest.builder().replayName("nope").build(), Object.class),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Replay nope does not exist.");
        assertAwsError(() -> call(ListReplaysRequest.builder().namePrefix("a").state("RUNNING").build(), Object.class),
                AwsError.EVENTS_VALIDATION,
                "At most one filter is allowed for ListReplays. Use either : State, EventSourceArn, or NamePrefix.");
        for (int i = 0; i < 3; i++) {
            call(replay("p-" + i).build(), Object.class);
        }
        ListReplaysResponse first = call(ListReplaysRequest.builder().limit(2).build(), ListReplaysResponse.class);
        assertThat(first.replays()).extracting(r -> r.replayName()).containsExactly("p-0", "p-1");
        ListReplaysResponse rest = call(ListReplaysRequest.builder().limit(2).nextToken(first.nextToken()).build(),
                ListReplaysResponse.class);
        assertThat(rest.replays()).extracting(r -> r.replayName()).containsExactly("p-2");
        assertThat(call(ListReplaysRequest.builder().namePrefix("p-1").build(), ListReplaysResponse.class).replays())
                .hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
