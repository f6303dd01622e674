package io.watchpost.events.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.events.EventBusService;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.ActivateEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreatePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DeactivateEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeletePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.EventSource;
import software.amazon.awssdk.services.eventbridge.model.ListEventSourcesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourceAccountsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourcesRequest;
import software.amazon.awssdk.services.eventbridge.model.PartnerEventSourceAccount;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Partner event sources on both sides, partner buses and PutPartnerEvents, on a real journal and hand-driven clock. */
class PartnerSourcesServiceTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final String SOURCE = "aws.partner/example.com/tenant-1/orders";
    private static final String PARTNER = "111111111111";
    private static final String CUSTOMER = "222222222222";
    private static final RequestContext PARTNER_CTX = context(PARTNER);
    private static final RequestContext CUSTOMER_CTX = context(CUSTOMER);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(START);
    private final List<String> delivered = new ArrayList<>();
    private final DeliveryQueue queue = new DeliveryQueue((scope, rule, target, payload) -> delivered.add(payload),
            100);
    private StateJournal journal;
    private ApiHandlers handlers;

    @BeforeEach
    void setUp() throws IOException {
        journal = StateJournal.open(directory, Durability.PROCESS);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        PageTokens tokens = new PageTokens(key);
        PartnerSources sources = new PartnerSources(journal, clock);
        EventRulesService rules = new EventRulesService(journal, clock, tokens, queue, new Random(3));
        handlers = ApiHandlers.merge(List.of(new EventBusService(journal, clock, tokens, sources).handlers(),
                rules.handlers(), new PartnerSourcesService(sources, tokens, rules::putPartnerEvent, new Random(4))
                        .handlers()));
    }

    @AfterEach
    void tearDown() throws IOException {
        journal.close();
    }

    @Test
    void aSourceIsPendingUntilTheCustomerCreatesItsBusThenEventsArrive() throws Exception {
        String arn = this.<software.amazon.awssdk.services.eventbridge.model.CreatePartnerEventSourceResponse>call(
                PARTNER_CTX, CreatePartnerEventSourceRequest.builder().name(SOURCE).account(CUSTOMER).build())
                .eventSourceArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1::event-source/" + SOURCE);
        DescribeEventSourceResponse pending = describe();
        assertThat(pending.stateAsString()).isEqualTo("PENDING");
        assertThat(pending.createdBy()).isEqualTo("example.com");
        assertThat(pending.creationTime()).isEqualTo(START);
        assertThat(pending.expirationTime()).isEqualTo(START.plus(Duration.ofDays(14)));

        // Before the bus exists, the partner's event is accepted and dropped.
        assertThat(putPartnerEvent(SOURCE).failedEntryCount()).isZero();
        call(CUSTOMER_CTX, CreateEventBusRequest.builder().name(SOURCE).eventSourceName(SOURCE).build());
        assertThat(describe().stateAsString()).isEqualTo("ACTIVE");
        assertThat(describe().expirationTime()).isNull();
        call(CUSTOMER_CTX, PutRuleRequest.builder().name("all").eventBusName(SOURCE)
                .eventPattern("{\"source\":[\"" + SOURCE + "\"]}").build());
        call(CUSTOMER_CTX, PutTargetsRequest.builder().rule("all").eventBusName(SOURCE)
                .targets(Target.builder().id("t").arn("arn:aws:sqs:us-east-1:" + CUSTOMER + ":q").build()).build());

        PutPartnerEventsResponse put = putPartnerEvent(SOURCE);
        assertThat(put.failedEntryCount()).isZero();
        queue.deliverPending();
        assertThat(delivered).hasSize(1);
        JsonNode event = JSON.readTree(delivered.get(0));
        assertThat(event.path("source").asText()).isEqualTo(SOURCE);
        assertThat(event.path("account").asText()).isEqualTo(CUSTOMER);
        assertThat(event.path("id").asText()).isEqualTo(put.entries().get(0).eventId());
        assertThat(event.path("detail").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void deactivateStopsDeliveryAndActivateResumesIt() {
        share();
        call(CUSTOMER_CTX, CreateEventBusRequest.builder().name(SOURCE).eventSourceName(SOURCE).build());
        call(CUSTOMER_CTX, DeactivateEventSourceRequest.builder().name(SOURCE).build());
        assertThat(describe().stateAsString()).isEqualTo("PENDING");
        assertError(() -> call(CUSTOMER_CTX, DeactivateEventSourceRequest.builder().name(SOURCE).build()),
                AwsError.EVENTS_INVALID_STATE, "Event source " + SOURCE + " is in state PENDING.");
        call(CUSTOMER_CTX, ActivateEventSourceRequest.builder().name(SOURCE).build());
        assertThat(describe().stateAsString()).isEqualTo("ACTIVE");
        assertError(() -> call(CUSTOMER_CTX, ActivateEventSourceRequest.builder().name(SOURCE).build()),
                AwsError.EVENTS_INVALID_STATE, "Event source " + SOURCE + " is in state ACTIVE.");
        call(CUSTOMER_CTX, DeleteEventBusRequest.builder().name(SOURCE).build());
        assertThat(describe().stateAsString()).isEqualTo("PENDING");
    }

    @Test
    void partnerDeletionLeavesDeletedWhileTheBusExistsAndNothingAfter() {
        share();
        call(CUSTOMER_CTX, CreateEventBusRequest.builder().name(SOURCE).eventSourceName(SOURCE).build());
        call(PARTNER_CTX, DeletePartnerEventSourceRequest.builder().name(SOURCE).account(CUSTOMER).build());
        assertThat(describe().stateAsString()).isEqualTo("DELETED");
        assertError(() -> call(PARTNER_CTX, DescribePartnerEventSourceRequest.builder().name(SOURCE).build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + SOURCE + " does not exist.");
        assertThat(putPartnerEvent(SOURCE).entries().get(0).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertError(() -> call(CUSTOMER_CTX, ActivateEventSourceRequest.builder().name(SOURCE).build()),
                AwsError.EVENTS_INVALID_STATE, "Event source " + SOURCE + " is in state DELETED.");
        call(CUSTOMER_CTX, DeleteEventBusRequest.builder().name(SOURCE).build());
        assertError(this::describe, AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + SOURCE + " does not exist.");
        // The name is free again.
        share();
        assertThat(describe().stateAsString()).isEqualTo("PENDING");
    }

    @Test
    void pendingSourcesExpireAfterTwoWeeks() {
        share();
        clock.advance(Duration.ofDays(14));
        assertError(this::describe, AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + SOURCE + " does not exist.");
        assertError(() -> call(CUSTOMER_CTX, CreateEventBusRequest.builder().name(SOURCE).eventSourceName(SOURCE)
                .build()), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + SOURCE + " does not exist.");
        assertThat(this.<software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourcesResponse>call(PARTNER_CTX, ListPartnerEventSourcesRequest.builder().namePrefix("aws.partner/example.com/")
                .build()).partnerEventSources()).isEmpty();
    }

    @Test
    void eachSideSeesOnlyWhatIsItsOwn() {
        share();
        call(PARTNER_CTX, CreatePartnerEventSourceRequest.builder().name(SOURCE + "-2").account(PARTNER).build());
        assertError(() -> share(), AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "Event source " + SOURCE + " already exists.");
        assertThat(this.<software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourcesResponse>call(PARTNER_CTX, ListPartnerEventSourcesRequest.builder().namePrefix("aws.partner/example.com/")
                .limit(1).build()).partnerEventSources()).extracting(s -> s.name()).containsExactly(SOURCE);
        assertThat(this.<software.amazon.awssdk.services.eventbridge.model.ListEventSourcesResponse>call(CUSTOMER_CTX, ListEventSourcesRequest.builder().build()).eventSources())
                .extracting(EventSource::name).containsExactly(SOURCE);
        assertThat(this.<software.amazon.awssdk.services.eventbridge.model.ListEventSourcesResponse>call(PARTNER_CTX, ListEventSourcesRequest.builder().namePrefix("aws.partner/").build())
                .eventSources()).extracting(EventSource::name).containsExactly(SOURCE + "-2");
        assertThat(this.<software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourceAccountsResponse>call(PARTNER_CTX, ListPartnerEventSourceAccountsRequest.builder().eventSourceName(SOURCE).build())
                .partnerEventSourceAccounts()).extracting(PartnerEventSourceAccount::account, a -> a.stateAsString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CUSTOMER, "PENDING"));
        assertError(() -> call(CUSTOMER_CTX, ListPartnerEventSourceAccountsRequest.builder().eventSourceName(SOURCE)
                .build()), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + SOURCE + " does not exist.");
        assertError(() -> call(context("333333333333"), CreateEventBusRequest.builder().name(SOURCE)
                .eventSourceName(SOURCE).build()), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Event source " + SOURCE + " does not exist.");
        assertThat(putPartnerEvent(SOURCE, context("333333333333")).entries().get(0).errorCode())
                .isEqualTo("NotAuthorizedForSourceException");
    }

    @Test
    void validatesAsTheModelDoes() {
        assertError(() -> call(PARTNER_CTX, CreatePartnerEventSourceRequest.builder().name("example.com/x/y")
                .account("12").build()), AwsError.EVENTS_VALIDATION, "3 validation errors detected: "
                + "Value 'example.com/x/y' at 'name' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}; Value '12' at 'account' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 12; Value '12' at 'account' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}");
        List<PutPartnerEventsRequestEntry> many = java.util.Collections.nCopies(21, entry(SOURCE));
        assertThatThrownBy(() -> call(PARTNER_CTX, PutPartnerEventsRequest.builder().entries(many).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .endsWith("at 'entries' failed to satisfy constraint: Member must have length less than or "
                                + "equal to 20"));
        share();
        PutPartnerEventsResponse mixed = call(PARTNER_CTX, PutPartnerEventsRequest.builder().entries(
                entry(SOURCE), PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("t").build(),
                PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("t").detail("[1]").build()).build());
        assertThat(mixed.failedEntryCount()).isEqualTo(2);
        assertThat(mixed.entries().get(0).eventId()).isNotNull();
        assertThat(mixed.entries().get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(mixed.entries().get(1).errorMessage())
                .isEqualTo("Parameter Detail is not valid. Reason: Detail is a required argument.");
        assertThat(mixed.entries().get(2).errorCode()).isEqualTo("MalformedDetail");
        assertThatThrownBy(() -> call(PARTNER_CTX, PutPartnerEventsRequest.builder().entries(
                PutPartnerEventsRequestEntry.builder().source(SOURCE).detailType("t")
                        .detail("{\"a\":\"" + "x".repeat(256 * 1024) + "\"}").build()).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Total size of the entries in the request is over the limit."));
    }

    private void share() {
        call(PARTNER_CTX, CreatePartnerEventSourceRequest.builder().name(SOURCE).account(CUSTOMER).build());
    }

    private DescribeEventSourceResponse describe() {
        return call(CUSTOMER_CTX, DescribeEventSourceRequest.builder().name(SOURCE).build());
    }

    private PutPartnerEventsResponse putPartnerEvent(String source) {
        return putPartnerEvent(source, PARTNER_CTX);
    }

    private PutPartnerEventsResponse putPartnerEvent(String source, RequestContext context) {
        return call(context, PutPartnerEventsRequest.builder().entries(entry(source)).build());
    }

    private static PutPartnerEventsRequestEntry entry(String source) {
        return PutPartnerEventsRequestEntry.builder().source(source).detailType("Order").detail("{\"n\":1}").build();
    }

    @SuppressWarnings("unchecked")
    private <O> O call(RequestContext context, software.amazon.awssdk.core.SdkRequest request) {
        return (O) handlers.find(request.getClass()).orElseThrow().handle(context, request);
    }

    private static void assertError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static RequestContext context(String account) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), "us-east-1", "events", "Test",
                "127.0.0.1", "test", START);
    }
}
