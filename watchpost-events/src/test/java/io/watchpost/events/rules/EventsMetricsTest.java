package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsException;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricDatum;
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
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;

/** {@code AWS/Events} metrics from PutEvents (one batch per call) and from delivery (summed per flush). */
class EventsMetricsTest {
    static final String PATTERN = "{\"source\":[\"orders\"]}";
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:q";

    record Put(Scope scope, List<MetricDatum> data) {}

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final List<Put> puts = new ArrayList<>();
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
        }

        @Override
        public void deliver(Scope scope, RuleRef rule, Target target, String payload, Map<String, String> attributes) {
        }
    };

    @BeforeEach
    void start() throws IOException {
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        deliveries = DurableDeliveries.open(directory.resolve("outbox"), clock, new Random(3), scheduler,
                (scope, group, stream, entries) -> { }, http);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        service = new EventRulesService(journal, clock, new PageTokens(key), deliveries, new Random(42), scheduler);
        service.metricsTo((scope, data) -> puts.add(new Put(scope, data)));
        deliveries.metricsTo((scope, data) -> puts.add(new Put(scope, data)));
    }

    @AfterEach
    void stop() throws IOException {
        deliveries.close();
        journal.close();
    }

    void rule(String bus, String name, software.amazon.awssdk.services.eventbridge.model.Target target) {
        service.putRule(EventRulesServiceTest.CTX, PutRuleRequest.builder().eventBusName(bus).name(name)
                .eventPattern(PATTERN).build());
        new TargetOperations(service).putTargets(EventRulesServiceTest.CTX, PutTargetsRequest.builder()
                .eventBusName(bus).rule(name).targets(target).build());
    }

    static software.amazon.awssdk.services.eventbridge.model.Target target(String arn) {
        return software.amazon.awssdk.services.eventbridge.model.Target.builder().id("t").arn(arn).build();
    }

    void putEvents(PutEventsRequestEntry... entries) {
        service.handlers().find(PutEventsRequest.class).orElseThrow().handle(EventRulesServiceTest.CTX,
                PutEventsRequest.builder().entries(entries).build());
    }

    static PutEventsRequestEntry order(String bus) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source("orders").detailType("Placed")
                .detail("{\"n\":1}").build();
    }

    /** The value of one series in the recorded puts, summed; empty when never sent. */
    Optional<Double> value(String metric, Map<String, String> dimensions) {
        return puts.stream().flatMap(p -> p.data().stream())
                .filter(d -> d.metricName().equals(metric) && d.dimensions().equals(dimensions))
                .map(MetricDatum::value).reduce(Double::sum);
    }

    @Test
    void putEventsSendsOneBatchPerCallWithRuleAndBusDimensions() {
        new EventBusService(journal, clock, service.pageTokens).handlers().find(CreateEventBusRequest.class)
                .orElseThrow().handle(EventRulesServiceTest.CTX, CreateEventBusRequest.builder().name("shop").build());
        rule(null, "on-default", target(QUEUE));
        rule("shop", "on-shop", target(QUEUE));
        putEvents(order(null), order(null), order("shop"),
                PutEventsRequestEntry.builder().source("orders").detailType("Placed").detail("[").build(),
                PutEventsRequestEntry.builder().source("other").detailType("Placed").detail("{}").build());

        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.scope()).isEqualTo(new Scope("000000000000", "us-east-1"));
            assertThat(put.data()).allSatisfy(d -> {
                assertThat(d.namespace()).isEqualTo("AWS/Events");
                assertThat(d.timestamp()).isEqualTo(clock.instant());
            });
        });
        assertThat(value("PutEventsApproximateCallCount", Map.of())).contains(1.0);
        assertThat(value("PutEventsApproximateSuccessCount", Map.of())).contains(1.0);
        assertThat(value("PutEventsEntriesCount", Map.of())).contains(5.0);
        assertThat(value("PutEventsFailedEntriesCount", Map.of())).contains(1.0);
        assertThat(value("PutEventsRequestSize", Map.of())).hasValueSatisfying(v -> assertThat(v).isGreaterThan(0));
        assertThat(value("MatchedEvents", Map.of())).contains(3.0);
        assertThat(value("MatchedEvents", Map.of("EventBusName", "default"))).contains(2.0);
        assertThat(value("MatchedEvents", Map.of("EventBusName", "shop"))).contains(1.0);
        assertThat(value("MatchedEvents", Map.of("RuleName", "on-default"))).contains(2.0);
        assertThat(value("TriggeredRules", Map.of("RuleName", "on-default"))).contains(2.0);
        assertThat(value("TriggeredRules", Map.of("EventBusName", "shop", "RuleName", "on-shop"))).contains(1.0);
        assertThat(value("TriggeredRules", Map.of())).contains(3.0);
        assertThat(value("InvocationsCreated", Map.of())).contains(3.0);
        assertThat(puts.get(0).data().stream().filter(d -> d.metricName().equals("PutEventsRequestSize")))
                .singleElement().satisfies(d -> assertThat(d.unit()).contains("Bytes"));
    }

    @Test
    void aRefusedCallCountsAsFailed() {
        assertThatThrownBy(() -> service.handlers().find(PutEventsRequest.class).orElseThrow()
                .handle(EventRulesServiceTest.CTX, PutEventsRequest.builder().build())).isInstanceOf(AwsException.class);
        assertThat(value("PutEventsApproximateCallCount", Map.of())).contains(1.0);
        assertThat(value("PutEventsApproximateFailedCount", Map.of())).contains(1.0);
        assertThat(value("PutEventsEntriesCount", Map.of())).isEmpty();
    }

    @Test
    void deliveriesAreSummedUntilTheScheduledFlush() {
        rule(null, "ok", target(QUEUE));
        putEvents(order(null), order(null));
        puts.clear();
        deliveries.deliverDue();
        assertThat(puts).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();
        assertThat(puts).singleElement();
        assertThat(value("InvocationAttempts", Map.of())).contains(2.0);
        assertThat(value("InvocationAttempts", Map.of("EventBusName", "default"))).contains(2.0);
        assertThat(value("SuccessfulInvocationAttempts", Map.of("RuleName", "ok"))).contains(2.0);
        assertThat(value("Invocations", Map.of())).contains(2.0);
        assertThat(value("Invocations", Map.of("RuleName", "ok"))).contains(2.0);
        assertThat(value("FailedInvocations", Map.of("RuleName", "ok"))).isEmpty();
        puts.clear();
        deliveries.flushMetrics();
        assertThat(puts).isEmpty();
    }

    @Test
    void permanentFailuresCountAsFailedOrDeadLetteredInvocations() {
        failing = true;
        rule(null, "no-dlq", target(QUEUE).toBuilder()
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(1).build()).build());
        rule(null, "dlq", target(QUEUE).toBuilder()
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(1).build())
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq")).build());
        putEvents(order(null));
        deliveries.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        deliveries.deliverDue();
        puts.clear();
        deliveries.flushMetrics();
        assertThat(value("InvocationAttempts", Map.of())).contains(4.0);
        assertThat(value("RetryInvocationAttempts", Map.of())).contains(2.0);
        assertThat(value("SuccessfulInvocationAttempts", Map.of())).isEmpty();
        assertThat(value("FailedInvocations", Map.of("RuleName", "no-dlq"))).contains(1.0);
        assertThat(value("Invocations", Map.of("RuleName", "no-dlq"))).contains(1.0);
        assertThat(value("DeadLetterInvocations", Map.of("RuleName", "dlq"))).contains(1.0);
        assertThat(value("Invocations", Map.of("RuleName", "dlq"))).isEmpty();
        assertThat(value("FailedInvocations", Map.of("RuleName", "dlq"))).isEmpty();
    }
}
