package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.events.EventBusService;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** PutEvents from one account to a bus ARN of another, guarded by that bus's policy. */
class CrossAccountPutEventsTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final RequestContext OWNER = context("111111111111", "alice");
    private static final RequestContext OTHER = context("222222222222", "bob");
    private static final String BUS_ARN = "arn:aws:events:us-east-1:111111111111:event-bus/central";

    @TempDir
    Path directory;
    private final RecordingDelivery delivery = new RecordingDelivery();
    private final DeliveryQueue queue = new DeliveryQueue(delivery, 100);
    private StateJournal journal;
    private ApiHandlers handlers;

    @BeforeEach
    void setUp() throws IOException {
        journal = StateJournal.open(directory, Durability.PROCESS);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        MutableClock clock = new MutableClock(START);
        PageTokens tokens = new PageTokens(key);
        handlers = ApiHandlers.merge(List.of(new EventBusService(journal, clock, tokens).handlers(),
                new EventRulesService(journal, clock, tokens, queue, new Random(2)).handlers()));
        call(OWNER, CreateEventBusRequest.builder().name("central").build());
        call(OWNER, PutRuleRequest.builder().name("all").eventBusName("central")
                .eventPattern("{\"source\":[\"orders\",\"billing\"]}").build());
        call(OWNER, PutTargetsRequest.builder().rule("all").eventBusName("central")
                .targets(Target.builder().id("t").arn("arn:aws:sqs:us-east-1:111111111111:q").build()).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        journal.close();
    }

    @Test
    void withoutAPolicyTheEntryIsDeniedAndNothingIsDelivered() {
        PutEventsResultEntry result = put(OTHER, BUS_ARN, "orders");
        assertThat(result.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(result.errorMessage()).isEqualTo("User: arn:aws:iam::222222222222:user/bob is not authorized to "
                + "perform: events:PutEvents on resource: " + BUS_ARN + " because no resource-based policy allows "
                + "the events:PutEvents action");
        assertThat(queue.deliverPending()).isZero();
    }

    @Test
    void aPolicyForTheAccountLetsItsEventsReachTheOwnersRules() {
        call(OWNER, PutPermissionRequest.builder().eventBusName("central").action("events:PutEvents")
                .principal("222222222222").statementId("b").build());
        PutEventsResultEntry result = put(OTHER, BUS_ARN, "orders");
        assertThat(result.errorCode()).isNull();
        assertThat(queue.deliverPending()).isEqualTo(1);
        RecordingDelivery.Delivered delivered = delivery.delivered.get(0);
        assertThat(delivered.scope().accountId()).isEqualTo("111111111111");
        assertThat(delivered.payload()).contains("\"account\":\"222222222222\"");
        assertThat(put(context("333333333333", "eve"), BUS_ARN, "orders").errorCode())
                .isEqualTo("AccessDeniedException");
    }

    @Test
    void aConditionOnTheSourceIsHonoured() {
        call(OWNER, PutPermissionRequest.builder().eventBusName("central").policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"s\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"events:PutEvents\","
                + "\"Resource\":\"" + BUS_ARN + "\",\"Condition\":{\"StringEquals\":{\"events:source\":\"orders\"}}}]}")
                .build());
        assertThat(put(OTHER, BUS_ARN, "orders").errorCode()).isNull();
        assertThat(put(OTHER, BUS_ARN, "billing").errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void missingBusesAndOtherRegionsAreNotFound() {
        assertThat(put(OTHER, "arn:aws:events:us-east-1:111111111111:event-bus/nope", "orders").errorMessage())
                .isEqualTo("Event bus nope does not exist.");
        assertThat(put(OTHER, "arn:aws:events:eu-west-1:111111111111:event-bus/central", "orders").errorCode())
                .isEqualTo("ResourceNotFoundException");
        assertThat(put(OWNER, BUS_ARN, "orders").errorCode()).as("the owner by ARN").isNull();
    }

    private PutEventsResultEntry put(RequestContext context, String bus, String source) {
        PutEventsResponse response = call(context, PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source(source).detailType("t").detail("{}").build()).build());
        return response.entries().get(0);
    }

    @SuppressWarnings("unchecked")
    private <O> O call(RequestContext context, SdkRequest request) {
        return (O) handlers.find(request.getClass()).orElseThrow().handle(context, request);
    }

    private static RequestContext context(String account, String user) {
        return new RequestContext("req-1", new Principal("AKID", account, user), "us-east-1", "events", "Test",
                "127.0.0.1", "test", START);
    }
}
