package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** EventBridge rules, targets, patterns and PutEvents through the real server with the SDK v2 client. */
class EventRulesIT {
    private static final String PATTERN = "{\"source\":[\"shop\"],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}";

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
    void rulesAreCreatedDescribedListedAndDeleted() {
        String arn = events.putRule(r -> r.name("big-orders").eventPattern(PATTERN).description("d")).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/big-orders");
        var rule = events.describeRule(r -> r.name("big-orders"));
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.eventBusName()).isEqualTo("default");
        events.disableRule(r -> r.name("big-orders"));
        assertThat(events.listRules(r -> r.namePrefix("big")).rules()).extracting(Rule::state)
                .containsExactly(RuleState.DISABLED);
        events.putTargets(r -> r.rule("big-orders").targets(Target.builder().id("t1")
                .arn("arn:aws:sqs:us-east-1:000000000000:orders").build()));
        assertThat(events.listTargetsByRule(r -> r.rule("big-orders")).targets()).hasSize(1);
        assertThatThrownBy(() -> events.deleteRule(r -> r.name("big-orders")))
                .isInstanceOf(EventBridgeException.class);
        events.deleteRule(r -> r.name("big-orders").force(true));
        assertThat(events.listRules(r -> r.namePrefix("big")).rules()).isEmpty();
    }

    @Test
    void testEventPatternMatchesAsEventBridgeDoes() {
        String event = "{\"id\":\"1\",\"source\":\"shop\",\"detail-type\":\"order\",\"account\":\"000000000000\","
                + "\"time\":\"2026-11-24T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"detail\":{\"amount\":150}}";
        assertThat(events.testEventPattern(r -> r.eventPattern(PATTERN).event(event)).result()).isTrue();
        assertThat(events.testEventPattern(r -> r.eventPattern(PATTERN).event(event.replace("150", "50")))
                .result()).isFalse();
        assertThatThrownBy(() -> events.testEventPattern(r -> r.eventPattern("{\"source\":\"shop\"}")
                .event(event))).isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidEventPatternException"));
    }

    @Test
    void putEventsAcceptsEntriesAndReportsBadOnes() {
        events.putRule(r -> r.name("big-orders").eventPattern(PATTERN));
        PutEventsResponse response = events.putEvents(r -> r.entries(
                PutEventsRequestEntry.builder().source("shop").detailType("order").detail("{\"amount\":150}").build(),
                PutEventsRequestEntry.builder().source("shop").detailType("order").detail("not json").build()));
        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
    }
}
