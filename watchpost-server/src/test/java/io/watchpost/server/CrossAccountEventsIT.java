package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.server.config.ServerConfig;
import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventSource;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Events crossing accounts in strict auth mode, where each access key belongs to an account: PutEvents to another
 * account's bus ARN (guarded by that bus's policy) and a SaaS partner's events reaching the partner bus of the account
 * its event source is shared with. Each side uses its own SDK v2 client and keys.
 */
class CrossAccountEventsIT {
    private static final AuthConfig.AccessKey ALICE =
            new AuthConfig.AccessKey("AKIAALICE0000000001", "alice-secret", "111111111111", "alice");
    private static final AuthConfig.AccessKey BOB =
            new AuthConfig.AccessKey("AKIABOB000000000002", "bob-secret", "222222222222", "bob");
    private static final AuthConfig.AccessKey PARTNER =
            new AuthConfig.AccessKey("AKIAPARTNER00000003", "partner-secret", "333333333333", "saas");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        AuthConfig auth = new AuthConfig(AuthConfig.Mode.STRICT, "000000000000", Map.of(ALICE.accessKeyId(), ALICE,
                BOB.accessKeyId(), BOB, PARTNER.accessKeyId(), PARTNER));
        server = TestServer.start(new ServerConfig("127.0.0.1", 0, dataDir, auth, false, Durability.PROCESS, -1,
                List.of(), ServerConfig.DEFAULT_TRAIL_DELIVERY_INTERVAL));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static EventBridgeClient events(AuthConfig.AccessKey key) {
        return server.client(EventBridgeClient.builder(), key.accessKeyId(), key.secretAccessKey(), Region.US_EAST_1);
    }

    private static CloudWatchLogsClient logs(AuthConfig.AccessKey key) {
        return server.client(CloudWatchLogsClient.builder(), key.accessKeyId(), key.secretAccessKey(),
                Region.US_EAST_1);
    }

    @Test
    void putEventsToAnotherAccountsBusNeedsItsPolicy() throws Exception {
        String busArn = "arn:aws:events:us-east-1:111111111111:event-bus/central";
        try (EventBridgeClient alice = events(ALICE); EventBridgeClient bob = events(BOB);
                CloudWatchLogsClient aliceLogs = logs(ALICE)) {
            alice.createEventBus(r -> r.name("central"));
            aliceLogs.createLogGroup(r -> r.logGroupName("/central"));
            alice.putRule(r -> r.name("all").eventBusName("central").eventPattern("{\"source\":[\"bob.app\"]}"));
            alice.putTargets(r -> r.rule("all").eventBusName("central").targets(Target.builder().id("log")
                    .arn("arn:aws:logs:us-east-1:111111111111:log-group:/central").build()));

            PutEventsResponse denied = bob.putEvents(r -> r.entries(entry(busArn, 1)));
            assertThat(denied.failedEntryCount()).isEqualTo(1);
            assertThat(denied.entries().get(0).errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.entries().get(0).errorMessage()).startsWith(
                    "User: arn:aws:iam::222222222222:user/bob is not authorized to perform: events:PutEvents");

            alice.putPermission(r -> r.eventBusName("central").action("events:PutEvents").principal("222222222222")
                    .statementId("bob"));
            PutEventsResponse allowed = bob.putEvents(r -> r.entries(entry(busArn, 2)));
            assertThat(allowed.failedEntryCount()).isZero();

            JsonNode event = JSON.readTree(awaitOne(aliceLogs, "/central").message());
            assertThat(event.path("id").asText()).isEqualTo(allowed.entries().get(0).eventId());
            assertThat(event.path("account").asText()).as("the sender's account").isEqualTo("222222222222");
            assertThat(event.at("/detail/n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aPartnersEventsReachThePartnerBusOfTheAccountTheSourceIsSharedWith() throws Exception {
        String source = "aws.partner/saas.example/tenant-7/orders";
        try (EventBridgeClient partner = events(PARTNER); EventBridgeClient alice = events(ALICE);
                EventBridgeClient bob = events(BOB); CloudWatchLogsClient aliceLogs = logs(ALICE)) {
            assertThat(partner.createPartnerEventSource(r -> r.name(source).account("111111111111")).eventSourceArn())
                    .isEqualTo("arn:aws:events:us-east-1::event-source/" + source);
            assertThat(alice.listEventSources(r -> r.namePrefix("aws.partner/saas.example")).eventSources())
                    .extracting(EventSource::name, EventSource::stateAsString)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(source, "PENDING"));
            assertThat(bob.listEventSources(r -> { }).eventSources()).isEmpty();

            assertThat(alice.createEventBus(r -> r.name(source).eventSourceName(source)).eventBusArn())
                    .isEqualTo("arn:aws:events:us-east-1:111111111111:event-bus/" + source);
            assertThat(alice.describeEventSource(r -> r.name(source)).stateAsString()).isEqualTo("ACTIVE");
            aliceLogs.createLogGroup(r -> r.logGroupName("/partner"));
            alice.putRule(r -> r.name("orders").eventBusName(source).eventPattern("{\"detail-type\":[\"Order\"]}"));
            alice.putTargets(r -> r.rule("orders").eventBusName(source).targets(Target.builder().id("log")
                    .arn("arn:aws:logs:us-east-1:111111111111:log-group:/partner").build()));

            PutPartnerEventsResponse put = partner.putPartnerEvents(r -> r.entries(
                    PutPartnerEventsRequestEntry.builder().source(source).detailType("Order").detail("{\"total\":42}")
                            .build(),
                    PutPartnerEventsRequestEntry.builder().source("aws.partner/saas.example/tenant-7/not-mine")
                            .detailType("Order").detail("{}").build()));
            assertThat(put.failedEntryCount()).isEqualTo(1);
            assertThat(put.entries().get(1).errorCode()).isEqualTo("NotAuthorizedForSourceException");
            JsonNode event = JSON.readTree(awaitOne(aliceLogs, "/partner").message());
            assertThat(event.path("source").asText()).isEqualTo(source);
            assertThat(event.path("account").asText()).isEqualTo("111111111111");
            assertThat(event.path("id").asText()).isEqualTo(put.entries().get(0).eventId());

            alice.deactivateEventSource(r -> r.name(source));
            assertThat(partner.listPartnerEventSourceAccounts(r -> r.eventSourceName(source))
                    .partnerEventSourceAccounts().get(0).stateAsString()).isEqualTo("PENDING");
            partner.deletePartnerEventSource(r -> r.name(source).account("111111111111"));
            assertThat(alice.describeEventSource(r -> r.name(source)).stateAsString()).isEqualTo("DELETED");
            assertThat(partner.listPartnerEventSources(r -> r.namePrefix("aws.partner/saas.example/"))
                    .partnerEventSources()).isEmpty();
        }
    }

    private static PutEventsRequestEntry entry(String busArn, int n) {
        return PutEventsRequestEntry.builder().eventBusName(busArn).source("bob.app").detailType("Hello")
                .detail("{\"n\":" + n + "}").build();
    }

    /** Waits (bounded) for the one event a target delivers asynchronously through the outbox to a log group. */
    private static FilteredLogEvent awaitOne(CloudWatchLogsClient logs, String group) throws InterruptedException {
        List<FilteredLogEvent> found = List.of();
        for (int i = 0; i < 300 && found.isEmpty(); i++) {
            Thread.sleep(100);  // delivery is asynchronous by design; bounded wait
            found = logs.filterLogEvents(r -> r.logGroupName(group)).events();
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
