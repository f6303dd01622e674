package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.core.port.LogSink;
import io.watchpost.events.EventBusService;
import io.watchpost.events.targets.DurableDeliveries;
import io.watchpost.events.targets.Target;
import io.watchpost.events.targets.TargetDelivery;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;

/** Target delivery through the durable outbox: restarts, retries, dead letters, log groups, buses, schedules. */
class DurableDeliveryTest {
    static final String PATTERN = "{\"source\":[\"orders\"]}";
    static final String LOG_GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/events/orders:*";
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    record Written(Scope scope, String group, String stream, List<LogSink.LogEntry> entries) {}

    record DeadLettered(Target target, String payload, Map<String, String> attributes) {}

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final List<Written> logs = new ArrayList<>();
    final List<DeadLettered> deadLetters = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    boolean failing;
    StateJournal journal;
    DurableDeliveries deliveries;
    EventRulesService service;

    final TargetDelivery http = new TargetDelivery() {
        @Override
        public void deliver(Scope scope, RuleRef rule, Target target, String payload) {
            if (failing) {
                throw new IllegalStateException("endpoint down");
            }
            sent.add(target.arn());
        }

        @Override
        public void deliver(Scope scope, RuleRef rule, Target target, String payload, Map<String, String> attributes) {
            deadLetters.add(new DeadLettered(target, payload, attributes));
        }
    };

    void start() throws IOException {
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        deliveries = DurableDeliveries.open(directory.resolve("outbox"), clock, new Random(3), scheduler,
                (scope, group, stream, entries) -> logs.add(new Written(scope, group, stream, entries)), http);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        service = new EventRulesService(journal, clock, new PageTokens(key), deliveries, new Random(42), scheduler);
    }

    void stop() throws IOException {
        deliveries.close();
        journal.close();
    }

    @AfterEach
    void tearDown() throws IOException {
        stop();
    }

    void rule(String bus, String name, String pattern, software.amazon.awssdk.services.eventbridge.model.Target target) {
        service.putRule(EventRulesServiceTest.CTX, PutRuleRequest.builder().eventBusName(bus).name(name)
                .eventPattern(pattern).build());
        new TargetOperations(service).putTargets(EventRulesServiceTest.CTX, PutTargetsRequest.builder()
                .eventBusName(bus).rule(name).targets(target).build());
    }

    static software.amazon.awssdk.services.eventbridge.model.Target target(String arn) {
        return software.amazon.awssdk.services.eventbridge.model.Target.builder().id("t").arn(arn).build();
    }

    String putEvent() {
        var response = service.handlers().find(PutEventsRequest.class).orElseThrow().handle(EventRulesServiceTest.CTX,
                PutEventsRequest.builder().entries(PutEventsRequestEntry.builder().source("orders").detailType("Placed")
                        .detail("{\"n\":1}").build()).build());
        return ((software.amazon.awssdk.services.eventbridge.model.PutEventsResponse) response).entries().get(0).eventId();
    }

    @Test
    void logGroupDeliverySurvivesARestart() throws IOException {
        start();
        rule(null, "to-logs", PATTERN, target(LOG_GROUP));
        String id = putEvent();
        stop();
        start();
        assertThat(deliveries.pending()).isEqualTo(1);
        scheduler.runDue();
        assertThat(logs).singleElement().satisfies(written -> {
            assertThat(written.group()).isEqualTo("/aws/events/orders");
            assertThat(written.stream()).isEqualTo(id);
            assertThat(written.entries().get(0).message()).startsWith("{\"version\":\"0\",\"id\":\"" + id + "\"");
            assertThat(written.entries().get(0).timestampMillis()).isEqualTo(clock.millis());
        });
        assertThat(deliveries.pending()).isZero();
    }

    @Test
    void exhaustedRetriesGoToTheDeadLetterQueueWithAwsAttributes() throws IOException {
        start();
        failing = true;
        rule(null, "to-sqs", PATTERN, target("arn:aws:sqs:us-east-1:000000000000:q").toBuilder()
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(1).build())
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq")).build());
        putEvent();
        deliveries.deliverDue();
        assertThat(deadLetters).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        deliveries.deliverDue();
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.target().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
            assertThat(letter.attributes()).containsEntry("RULE_ARN", "arn:aws:events:us-east-1:000000000000:rule/to-sqs")
                    .containsEntry("TARGET_ARN", "arn:aws:sqs:us-east-1:000000000000:q")
                    .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
                    .containsEntry("RETRY_ATTEMPTS", "1");
        });
    }

    @Test
    void busTargetsPutTheEventOnTheOtherBus() throws IOException {
        start();
        new EventBusService(journal, clock, service.pageTokens).handlers().find(CreateEventBusRequest.class)
                .orElseThrow().handle(EventRulesServiceTest.CTX, CreateEventBusRequest.builder().name("audit").build());
        rule(null, "forward", PATTERN, target("arn:aws:events:us-east-1:000000000000:event-bus/audit"));
        rule("audit", "keep", PATTERN, target(LOG_GROUP));
        putEvent();
        deliveries.deliverDue();
        deliveries.deliverDue();
        assertThat(logs).singleElement().satisfies(written ->
                assertThat(written.entries().get(0).message()).contains("\"detail\":{\"n\":1}"));
    }

    @Test
    void crossAccountBusTargetsNeedThePolicy() throws IOException {
        start();
        var other = new io.watchpost.core.RequestContext("req-2", new io.watchpost.core.Principal("AKID2", "111111111111",
                "other"), "us-east-1", "events", "Test", "127.0.0.1", "test", clock.instant());
        var buses = new EventBusService(journal, clock, service.pageTokens).handlers();
        rule(null, "x", PATTERN, target("arn:aws:events:us-east-1:111111111111:event-bus/default"));
        service.putRule(other, PutRuleRequest.builder().name("keep").eventPattern(PATTERN).build());
        new TargetOperations(service).putTargets(other, PutTargetsRequest.builder().rule("keep")
                .targets(target("arn:aws:sqs:us-east-1:111111111111:q")).build());
        putEvent();
        deliveries.deliverDue();
        assertThat(sent).isEmpty();
        buses.find(software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest.class).orElseThrow()
                .handle(other, software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest.builder()
                        .action("events:PutEvents").principal("000000000000").statementId("allow").build());
        var described = (software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse) buses
                .find(software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest.class).orElseThrow()
                .handle(other, software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest.builder().build());
        assertThat(described.policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"allow\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                + "\"Action\":\"events:PutEvents\",\"Resource\":\"arn:aws:events:us-east-1:111111111111:event-bus/default\"}]}");
        putEvent();
        deliveries.deliverDue();
        deliveries.deliverDue();
        assertThat(sent).containsExactly("arn:aws:sqs:us-east-1:111111111111:q");
    }

    @Test
    void rateRuleFiresEveryMinuteWhileEnabled() throws IOException {
        start();
        service.putRule(EventRulesServiceTest.CTX, PutRuleRequest.builder().name("tick")
                .scheduleExpression("rate(1 minute)").build());
        new TargetOperations(service).putTargets(EventRulesServiceTest.CTX, PutTargetsRequest.builder().rule("tick")
                .targets(target(LOG_GROUP)).build());
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(1));
            scheduler.runDue();
            deliveries.deliverDue();
        }
        assertThat(logs).hasSize(2).allSatisfy(written -> assertThat(written.entries().get(0).message())
                .contains("\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\"")
                .contains("\"resources\":[\"arn:aws:events:us-east-1:000000000000:rule/tick\"],\"detail\":{}"));
        service.setState(EventRulesServiceTest.CTX, "tick", null, RuleRecord.DISABLED);
        clock.advance(Duration.ofMinutes(1));
        scheduler.runDue();
        deliveries.deliverDue();
        assertThat(logs).hasSize(2);
    }

    @Test
    void publisherEventsTakeTheSameMatchingAndDeliveryPath() throws IOException {
        start();
        rule(null, "alarms", "{\"source\":[\"aws.cloudwatch\"]}", target("arn:aws:sqs:us-east-1:000000000000:q"));
        service.publisher().publish(SCOPE, "default", new EventPublisher.Event("aws.cloudwatch",
                "CloudWatch Alarm State Change", "{\"alarmName\":\"a\"}", List.of("arn:aws:cloudwatch:x"), clock.instant()));
        deliveries.deliverDue();
        assertThat(sent).containsExactly("arn:aws:sqs:us-east-1:000000000000:q");
    }
}
