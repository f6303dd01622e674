package io.watchpost.events.archive;

import static io.watchpost.events.archive.Harness.CTX;
import static io.watchpost.events.archive.Harness.DEFAULT_BUS;
import static io.watchpost.events.archive.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

class ArchiveServiceTest {
    static final String ORDERS = "{\"source\":[\"orders\"]}";

    @TempDir
    Path directory;
    Harness h;

    @BeforeEach
    void setUp() throws IOException {
        h = new Harness(directory);
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
    }

    private CreateArchiveResponse create(String name, String busArn, String pattern, Integer retention) {
        return h.archives.createArchive(CTX, CreateArchiveRequest.builder().archiveName(name).eventSourceArn(busArn)
                .eventPattern(pattern).retentionDays(retention).description("d").build());
    }

    private DescribeArchiveResponse describe(String name) {
        return h.archives.describeArchive(CTX, DescribeArchiveRequest.builder().archiveName(name).build());
    }

    @Test
    void createDescribeUpdateListDelete() {
        CreateArchiveResponse created = create("orders", DEFAULT_BUS, ORDERS, 1);
        assertThat(created.archiveArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:archive/orders");
        assertThat(created.state()).isEqualTo(ArchiveState.ENABLED);
        assertThat(created.creationTime()).isEqualTo(Harness.START);

        DescribeArchiveResponse described = describe("orders");
        assertThat(described.archiveName()).isEqualTo("orders");
        assertThat(described.eventSourceArn()).isEqualTo(DEFAULT_BUS);
        assertThat(described.eventPattern()).isEqualTo(ORDERS);
        assertThat(described.retentionDays()).isEqualTo(1);
        assertThat(described.eventCount()).isZero();
        assertThat(described.sizeBytes()).isZero();
        assertThat(described.description()).isEqualTo("d");

        h.archives.updateArchive(CTX, UpdateArchiveRequest.builder().archiveName("orders").retentionDays(7)
                .description("e").build());
        assertThat(describe("orders").retentionDays()).isEqualTo(7);
        assertThat(describe("orders").description()).isEqualTo("e");
        assertThat(describe("orders").eventPattern()).isEqualTo(ORDERS);

        ListArchivesResponse listed = h.archives.listArchives(CTX, ListArchivesRequest.builder().build());
        assertThat(listed.archives()).singleElement().satisfies(a -> {
            assertThat(a.archiveName()).isEqualTo("orders");
            assertThat(a.retentionDays()).isEqualTo(7);
            assertThat(a.eventCount()).isZero();
        });

        h.archives.deleteArchive(CTX, DeleteArchiveRequest.builder().archiveName("orders").build());
        assertThat(h.archives.listArchives(CTX, ListArchivesRequest.builder().build()).archives()).isEmpty();
        assertAwsError(() -> describe("orders"), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Archive orders does not exist.");
    }

    @Test
    void createErrors() {
        create("a", DEFAULT_BUS, null, null);
        assertAwsError(() -> create("a", DEFAULT_BUS, null, null), AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                "Archive a already exists.");
        assertAwsError(() -> create("b", "arn:aws:events:us-east-1:000000000000:event-bus/nope", null, null),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
        assertAwsError(() -> create("b", "arn:aws:events:eu-west-1:000000000000:event-bus/default", null, null),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus default does not exist.");
        assertAwsError(() -> create("bad name", DEFAULT_BUS, null, null), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value 'bad name' at 'archiveName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertAwsError(() -> create("x".repeat(49), DEFAULT_BUS, null, null), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value '" + "x".repeat(49) + "' at 'archiveName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 48");
        assertAwsError(() -> create("b", null, null, null), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value null at 'eventSourceArn' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> create("b", DEFAULT_BUS, null, -1), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value '-1' at 'retentionDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> create("b", DEFAULT_BUS, "{\"source\":", null)))
                .isInstanceOfSatisfying(io.watchpost.core.AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.EVENTS_INVALID_EVENT_PATTERN));
    }

    @Test
    void unknownArchiveErrors() {
        assertAwsError(() -> describe("nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Archive nope does not exist.");
        assertAwsError(() -> h.archives.deleteArchive(CTX, DeleteArchiveRequest.builder().archiveName("nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Archive nope does not exist.");
        assertAwsError(() -> h.archives.updateArchive(CTX, UpdateArchiveRequest.builder().archiveName("nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Archive nope does not exist.");
    }

    @Test
    void listFiltersAndPages() {
        h.call(h.buses, CreateEventBusRequest.builder().name("custom").build(), Object.class);
        String custom = "arn:aws:events:us-east-1:000000000000:event-bus/custom";
        create("a-1", DEFAULT_BUS, null, null);
        create("a-2", custom, null, null);
        create("b-1", DEFAULT_BUS, null, null);

        assertThat(names(ListArchivesRequest.builder().namePrefix("a-").build())).containsExactly("a-1", "a-2");
        assertThat(names(ListArchivesRequest.builder().eventSourceArn(custom).build())).containsExactly("a-2");
        assertThat(names(ListArchivesRequest.builder().state("ENABLED").build())).containsExactly("a-1", "a-2", "b-1");

        ListArchivesResponse first = h.archives.listArchives(CTX, ListArchivesRequest.builder().limit(2).build());
        assertThat(first.archives()).extracting(a -> a.archiveName()).containsExactly("a-1", "a-2");
        ListArchivesResponse second = h.archives.listArchives(CTX,
                ListArchivesRequest.builder().limit(2).nextToken(first.nextToken()).build());
        assertThat(second.archives()).extracting(a -> a.archiveName()).containsExactly("b-1");
        assertThat(second.nextToken()).isNull();

        assertAwsError(() -> names(ListArchivesRequest.builder().namePrefix("a").state("ENABLED").build()),
                AwsError.EVENTS_VALIDATION,
                "At most one filter is allowed for ListArchives. Use either : State, EventSourceArn, or NamePrefix.");
        assertAwsError(() -> names(ListArchivesRequest.builder()
                        .eventSourceArn("arn:aws:events:us-east-1:000000000000:event-bus/nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
        assertAwsError(() -> names(ListArchivesRequest.builder().state("ON").build()), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value 'ON' at 'state' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [ENABLED, DISABLED, CREATING, UPDATING, CREATE_FAILED, UPDATE_FAILED]");
        assertAwsError(() -> names(ListArchivesRequest.builder().nextToken("garbage").build()),
                AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid.");
    }

    @Test
    void archivesOnlyMatchingEventsOfItsBus() throws IOException {
        h.call(h.buses, CreateEventBusRequest.builder().name("custom").build(), Object.class);
        create("orders", DEFAULT_BUS, ORDERS, null);
        create("everything", DEFAULT_BUS, null, null);
        h.put("default", "orders", "{\"n\":1}");
        h.put("default", "billing", "{\"n\":2}");
        h.put("custom", "orders", "{\"n\":3}");

        assertThat(describe("orders").eventCount()).isEqualTo(1);
        assertThat(describe("everything").eventCount()).isEqualTo(2);
        assertThat(describe("orders").sizeBytes()).isPositive();

        h.restart(); // counts come back from the logs
        assertThat(describe("orders").eventCount()).isEqualTo(1);
        assertThat(describe("everything").eventCount()).isEqualTo(2);
        h.put("default", "orders", "{\"n\":4}");
        assertThat(describe("orders").eventCount()).isEqualTo(2);
    }

    @Test
    void retentionDeletesExpiredEvents() {
        create("short", DEFAULT_BUS, null, 1);
        create("forever", DEFAULT_BUS, null, 0);
        h.put("default", "orders", "{\"n\":1}");
        h.clock.advance(Duration.ofHours(25));
        h.put("default", "orders", "{\"n\":2}");
        h.tick();
        // The first event is 25 h old: its (day-old, sealed) segment goes; the second stays.
        assertThat(describe("short").eventCount()).isEqualTo(1);
        assertThat(describe("forever").eventCount()).isEqualTo(2);

        h.clock.advance(Duration.ofDays(2));
        h.tick();
        assertThat(describe("short").eventCount()).isZero();
        assertThat(describe("short").sizeBytes()).isZero();
        assertThat(describe("forever").eventCount()).isEqualTo(2);
    }

    private java.util.List<String> names(ListArchivesRequest request) {
        return h.archives.listArchives(CTX, request).archives().stream().map(a -> a.archiveName()).toList();
    }

    @Test
    void anArchiveComesWithItsManagedRuleThatOnlyForceCanRemove() throws Exception {
        create("orders", DEFAULT_BUS, ORDERS, null);
        DescribeRuleResponse rule = h.call(h.rules, DescribeRuleRequest.builder().name("Events-Archive-orders")
                .build(), DescribeRuleResponse.class);
        assertThat(rule.managedBy()).isEqualTo("prod.vhs.events.aws.internal");
        assertThat(rule.stateAsString()).isEqualTo("ENABLED");
        assertThat(new ObjectMapper().readTree(rule.eventPattern())).isEqualTo(new ObjectMapper().readTree(
                "{\"source\":[\"orders\"],\"replay-name\":[{\"exists\":false}]}"));
        ListTargetsByRuleResponse targets = h.call(h.rules, ListTargetsByRuleRequest.builder()
                .rule("Events-Archive-orders").build(), ListTargetsByRuleResponse.class);
        assertThat(targets.targets()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("Events-Archive-orders");
            assertThat(t.arn()).isEqualTo("arn:aws:events:us-east-1:::");
            assertThat(t.inputTransformer().inputTemplate()).contains("\"archive-arn\":\"arn:aws:events:us-east-1:"
                    + CTX.scope().accountId() + ":archive/orders\"");
        });
        assertThat(h.call(h.rules, ListRulesRequest.builder().build(), ListRulesResponse.class).rules())
                .extracting(Rule::name, Rule::managedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Events-Archive-orders",
                        "prod.vhs.events.aws.internal"));

        String managed = "Rule Events-Archive-orders is managed by prod.vhs.events.aws.internal and cannot be "
                + "changed by ";
        assertAwsError(() -> h.call(h.rules, PutRuleRequest.builder().name("Events-Archive-orders")
                .eventPattern(ORDERS).build(), Object.class), AwsError.EVENTS_MANAGED_RULE, managed + "PutRule.");
        assertAwsError(() -> h.call(h.rules, DisableRuleRequest.builder().name("Events-Archive-orders").build(),
                Object.class), AwsError.EVENTS_MANAGED_RULE, managed + "DisableRule.");
        assertAwsError(() -> h.call(h.rules, PutTargetsRequest.builder().rule("Events-Archive-orders")
                .targets(Target.builder().id("x").arn("arn:aws:sqs:us-east-1:1:q").build()).build(), Object.class),
                AwsError.EVENTS_MANAGED_RULE, managed + "PutTargets.");
        assertAwsError(() -> h.call(h.rules, DeleteRuleRequest.builder().name("Events-Archive-orders").build(),
                Object.class), AwsError.EVENTS_MANAGED_RULE, managed + "DeleteRule unless Force is true.");

        h.put(DEFAULT_BUS, "orders", "{\"n\":1}");
        assertThat(h.delivered).as("the archive ingests by itself; its rule's target is not invoked").isEmpty();
        assertThat(describe("orders").eventCount()).isEqualTo(1);

        h.archives.deleteArchive(CTX, DeleteArchiveRequest.builder().archiveName("orders").build());
        assertThat(h.call(h.rules, ListRulesRequest.builder().build(), ListRulesResponse.class).rules()).isEmpty();
    }
}
