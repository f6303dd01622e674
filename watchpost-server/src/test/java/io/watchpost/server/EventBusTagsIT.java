package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusResponse;

/** UpdateEventBus and TagResource / UntagResource / ListTagsForResource on buses and rules, with the SDK v2 client. */
class EventBusTagsIT {
    private static final String PREFIX = "arn:aws:events:us-east-1:000000000000:";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static EventBridgeClient events;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        events = server.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        events.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.watchpost().reset();
    }

    @Test
    void updateEventBusChangesWhatItIsGivenAndSurvivesARestart(@TempDir Path ownDir) throws Exception {
        try (TestServer own = TestServer.start(ownDir)) {
            try (EventBridgeClient client = own.client(EventBridgeClient.builder())) {
                client.createEventBus(r -> r.name("orders").description("first").kmsKeyIdentifier("alias/orders"));
                UpdateEventBusResponse updated = client.updateEventBus(r -> r.name("orders").description("second")
                        .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq"))
                        .logConfig(l -> l.level("INFO").includeDetail("FULL")));
                assertThat(updated.arn()).isEqualTo(PREFIX + "event-bus/orders");
                assertThat(updated.description()).isEqualTo("second");
                assertThat(updated.kmsKeyIdentifier()).isEqualTo("alias/orders");
            }
            own.restart();
            assertUpdated(own);
        }
    }

    private static void assertUpdated(TestServer own) {
        try (EventBridgeClient client = own.client(EventBridgeClient.builder())) {
            var described = client.describeEventBus(r -> r.name("orders"));
            assertThat(described.description()).isEqualTo("second");
            assertThat(described.deadLetterConfig().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
            assertThat(described.logConfig().levelAsString()).isEqualTo("INFO");
            assertThatThrownBy(() -> client.updateEventBus(r -> r.name("missing").description("x")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Event bus missing does not exist."));
        }
    }

    @Test
    void tagsFromCreateAndPutRuleLandInTheSameStoreAsTagResource() {
        String bus = events.createEventBus(r -> r.name("orders").tags(tag("team", "pay"))).eventBusArn();
        String rule = events.putRule(r -> r.name("big").eventBusName("orders").eventPattern("{\"source\":[\"s\"]}")
                .tags(tag("tier", "1"))).ruleArn();
        assertThat(rule).isEqualTo(PREFIX + "rule/orders/big");

        events.tagResource(r -> r.resourceARN(bus).tags(tag("env", "prod"), tag("team", "ops")));
        assertThat(events.listTagsForResource(r -> r.resourceARN(bus)).tags())
                .containsExactly(tag("team", "ops"), tag("env", "prod"));
        events.untagResource(r -> r.resourceARN(rule).tagKeys("tier"));
        assertThat(events.listTagsForResource(r -> r.resourceARN(rule)).tags()).isEmpty();
        events.putRule(r -> r.name("big").eventBusName("orders").eventPattern("{\"source\":[\"s\"]}")
                .tags(tag("again", "yes")));
        assertThat(events.listTagsForResource(r -> r.resourceARN(rule)).tags()).containsExactly(tag("again", "yes"));
    }

    @Test
    void errorsAreAwsErrors() {
        assertThatThrownBy(() -> events.listTagsForResource(r -> r.resourceARN(PREFIX + "rule/none")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Rule none does not exist on EventBus default."));
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(PREFIX + "connection/c")
                .tags(tag("k", "v")))).isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        List<Tag> fiftyOne = IntStream.range(0, 51).mapToObj(i -> tag("k" + i, "v")).toList();
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(PREFIX + "event-bus/default")
                .tags(fiftyOne))).isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(events.listTagsForResource(r -> r.resourceARN(PREFIX + "event-bus/default")).tags()).isEmpty();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
