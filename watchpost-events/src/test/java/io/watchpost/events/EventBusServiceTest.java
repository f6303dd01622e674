package io.watchpost.events;

import static io.watchpost.events.Fixture.assertAwsError;
import static io.watchpost.events.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.Tag;

class EventBusServiceTest {
    private static final RequestContext CTX = context("events", "Test");
    private static final String ARN_PREFIX = "arn:aws:events:us-east-1:000000000000:event-bus/";

    @TempDir
    Path directory;
    private Fixture fixture;
    private EventBusService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = newService();
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void defaultBusExistsWithoutBeingStored() {
        DescribeEventBusResponse described = service.describeEventBus(CTX, DescribeEventBusRequest.builder().build());
        assertThat(described.name()).isEqualTo("default");
        assertThat(described.arn()).isEqualTo(ARN_PREFIX + "default");
        assertThat(described.policy()).isNull();
        assertThat(service.describeEventBus(CTX, DescribeEventBusRequest.builder().name("default").build()))
                .isEqualTo(described);
        assertThat(service.describeEventBus(CTX,
                DescribeEventBusRequest.builder().name(ARN_PREFIX + "default").build())).isEqualTo(described);
        assertThat(fixture.journal.table("events.buses", BusRecord.class).size()).isZero();
        assertThat(names(service.listEventBuses(CTX, ListEventBusesRequest.builder().build())))
                .containsExactly("default");
    }

    @Test
    void createsAndDescribesBusWithEverything() {
        CreateEventBusResponse created = service.createEventBus(CTX, CreateEventBusRequest.builder()
                .name("orders")
                .description("order events")
                .kmsKeyIdentifier("alias/orders")
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq"))
                .logConfig(l -> l.level("INFO").includeDetail("FULL"))
                .tags(Tag.builder().key("team").value("payments").build())
                .build());
        assertThat(created.eventBusArn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(created.description()).isEqualTo("order events");
        assertThat(created.deadLetterConfig().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");

        fixture.clock.advance(Duration.ofMinutes(5));
        DescribeEventBusResponse described = service.describeEventBus(CTX,
                DescribeEventBusRequest.builder().name("orders").build());
        assertThat(described.name()).isEqualTo("orders");
        assertThat(described.arn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(described.description()).isEqualTo("order events");
        assertThat(described.kmsKeyIdentifier()).isEqualTo("alias/orders");
        assertThat(described.deadLetterConfig().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
        assertThat(described.logConfig().levelAsString()).isEqualTo("INFO");
        assertThat(described.logConfig().includeDetailAsString()).isEqualTo("FULL");
        assertThat(described.creationTime()).isEqualTo(Fixture.START);
        assertThat(described.lastModifiedTime()).isEqualTo(Fixture.START);
        assertThat(fixture.journal.table("events.buses", BusRecord.class).get("000000000000/us-east-1/orders")
                .orElseThrow().tags()).containsEntry("team", "payments");
    }

    @Test
    void describesByArn() {
        create("orders");
        assertThat(service.describeEventBus(CTX, DescribeEventBusRequest.builder().name(ARN_PREFIX + "orders").build())
                .name()).isEqualTo("orders");
        assertAwsError(() -> service.describeEventBus(CTX, DescribeEventBusRequest.builder()
                        .name("arn:aws:events:us-east-1:111111111111:event-bus/orders").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus orders does not exist.");
    }

    @Test
    void describeOfMissingBusFails() {
        assertAwsError(() -> service.describeEventBus(CTX, DescribeEventBusRequest.builder().name("nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
    }

    @Test
    void duplicateAndDefaultNamesAlreadyExist() {
        create("orders");
        assertAwsError(() -> create("orders"),
                AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "Event bus orders already exists.");
        assertAwsError(() -> create("default"),
                AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "Event bus default already exists.");
    }

    @Test
    void validatesNames() {
        assertAwsError(() -> service.createEventBus(CTX, CreateEventBusRequest.builder().build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at 'name' failed to satisfy "
                        + "constraint: Member must not be null");
        assertAwsError(() -> create(""), AwsError.EVENTS_VALIDATION, "2 validation errors detected: "
                + "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value '' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[/\\.\\-_A-Za-z0-9]+");
        String tooLong = "a".repeat(257);
        assertAwsError(() -> create(tooLong), AwsError.EVENTS_VALIDATION, "1 validation error detected: Value '"
                + tooLong + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 256");
        assertAwsError(() -> create("has space"), AwsError.EVENTS_VALIDATION, "1 validation error detected: "
                + "Value 'has space' at 'name' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [/\\.\\-_A-Za-z0-9]+");
        assertAwsError(() -> create("team/bus"), AwsError.EVENTS_VALIDATION, "Event bus name must not contain '/'.");
        assertThat(create("a".repeat(256)).eventBusArn()).endsWith("a".repeat(256));
    }

    @Test
    void validatesOtherMembers() {
        assertAwsError(() -> service.createEventBus(CTX, CreateEventBusRequest.builder().name("b")
                        .description("d".repeat(513))
                        .kmsKeyIdentifier("bad key")
                        .logConfig(l -> l.level("LOUD"))
                        .tags(Tag.builder().key("").value("v").build(), Tag.builder().key("k").build())
                        .build()),
                AwsError.EVENTS_VALIDATION, "5 validation errors detected: "
                        + "Value '" + "d".repeat(513) + "' at 'description' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 512; "
                        + "Value 'bad key' at 'kmsKeyIdentifier' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-/:]*$; "
                        + "Value 'LOUD' at 'logConfig.level' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OFF, ERROR, INFO, TRACE]; "
                        + "Value '' at 'tags.1.member.key' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; "
                        + "Value null at 'tags.2.member.value' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void partnerBusesNeedAnExistingEventSource() {
        String partner = "aws.partner/example.com/123/orders";
        assertAwsError(() -> create(partner), AwsError.EVENTS_VALIDATION, "Event bus name must not contain '/'.");
        assertAwsError(() -> service.createEventBus(CTX,
                        CreateEventBusRequest.builder().name(partner).eventSourceName(partner).build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + partner + " does not exist.");
        assertAwsError(() -> service.createEventBus(CTX,
                        CreateEventBusRequest.builder().name("orders").eventSourceName(partner).build()),
                AwsError.EVENTS_VALIDATION, "Event bus name must match event source name.");
        assertAwsError(() -> service.createEventBus(CTX,
                        CreateEventBusRequest.builder().name("orders").eventSourceName("aws.partner/x").build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value 'aws.partner/x' at 'eventSourceName' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}");
    }

    @Test
    void listsByNameWithPrefixAndPages() {
        for (String name : List.of("zeta", "alpha", "delta", "epsilon")) {
            create(name);
        }
        assertThat(names(service.listEventBuses(CTX, ListEventBusesRequest.builder().build())))
                .containsExactly("alpha", "default", "delta", "epsilon", "zeta");
        assertThat(names(service.listEventBuses(CTX, ListEventBusesRequest.builder().namePrefix("de").build())))
                .containsExactly("default", "delta");

        ListEventBusesResponse first = service.listEventBuses(CTX, ListEventBusesRequest.builder().limit(2).build());
        assertThat(names(first)).containsExactly("alpha", "default");
        ListEventBusesResponse second = service.listEventBuses(CTX,
                ListEventBusesRequest.builder().limit(2).nextToken(first.nextToken()).build());
        assertThat(names(second)).containsExactly("delta", "epsilon");
        ListEventBusesResponse third = service.listEventBuses(CTX,
                ListEventBusesRequest.builder().limit(2).nextToken(second.nextToken()).build());
        assertThat(names(third)).containsExactly("zeta");
        assertThat(third.nextToken()).isNull();

        EventBus alpha = first.eventBuses().get(0);
        assertThat(alpha.arn()).isEqualTo(ARN_PREFIX + "alpha");
        assertThat(alpha.creationTime()).isEqualTo(Fixture.START);
    }

    @Test
    void listPageEndingExactlyAtDefaultHasNoToken() {
        ListEventBusesResponse only = service.listEventBuses(CTX, ListEventBusesRequest.builder().limit(1).build());
        assertThat(names(only)).containsExactly("default");
        assertThat(only.nextToken()).isNull();
    }

    @Test
    void listRejectsTamperedTokenAndBadParameters() {
        create("a1");
        create("a2");
        String token = service.listEventBuses(CTX, ListEventBusesRequest.builder().limit(1).build()).nextToken();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertAwsError(() -> service.listEventBuses(CTX, ListEventBusesRequest.builder().nextToken(tampered).build()),
                AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid.");
        assertAwsError(() -> service.listEventBuses(CTX, ListEventBusesRequest.builder().limit(101).build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value '101' at 'limit' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 100");
        assertAwsError(() -> service.listEventBuses(CTX, ListEventBusesRequest.builder().limit(0).build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value '0' at 'limit' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void deletesBusesButNeverTheDefault() {
        create("orders");
        service.deleteEventBus(CTX, DeleteEventBusRequest.builder().name("orders").build());
        assertAwsError(() -> service.describeEventBus(CTX, DescribeEventBusRequest.builder().name("orders").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus orders does not exist.");
        // Deleting a bus that does not exist succeeds.
        service.deleteEventBus(CTX, DeleteEventBusRequest.builder().name("orders").build());
        assertAwsError(() -> service.deleteEventBus(CTX, DeleteEventBusRequest.builder().name("default").build()),
                AwsError.EVENTS_VALIDATION, "Cannot delete event bus default.");
        assertAwsError(() -> service.deleteEventBus(CTX, DeleteEventBusRequest.builder().build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at 'name' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void busesSurviveARestart() throws IOException {
        create("orders");
        fixture.restart();
        service = newService();
        assertThat(service.describeEventBus(CTX, DescribeEventBusRequest.builder().name("orders").build())
                .creationTime()).isEqualTo(Fixture.START);
        assertThat(names(service.listEventBuses(CTX, ListEventBusesRequest.builder().build())))
                .containsExactly("default", "orders");
    }

    @Test
    void busesAreScopedByAccountAndRegion() {
        create("orders");
        for (RequestContext other : List.of(context("111111111111", "us-east-1", "events", "Test"),
                context("000000000000", "eu-west-1", "events", "Test"))) {
            assertAwsError(() -> service.describeEventBus(other,
                            DescribeEventBusRequest.builder().name("orders").build()),
                    AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus orders does not exist.");
            assertThat(names(service.listEventBuses(other, ListEventBusesRequest.builder().build())))
                    .containsExactly("default");
        }
        RequestContext eu = context("000000000000", "eu-west-1", "events", "Test");
        assertThat(service.describeEventBus(eu, DescribeEventBusRequest.builder().build()).arn())
                .isEqualTo("arn:aws:events:eu-west-1:000000000000:event-bus/default");
    }

    @Test
    void registersItsOperations() {
        assertThat(service.endpointPrefix()).isEqualTo("events");
        assertThat(service.handlers().requestTypes()).containsExactlyInAnyOrder(CreateEventBusRequest.class,
                DescribeEventBusRequest.class, ListEventBusesRequest.class, DeleteEventBusRequest.class,
                software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest.class,
                software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest.class,
                software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest.class);
    }

    private EventBusService newService() {
        return new EventBusService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
    }

    private CreateEventBusResponse create(String name) {
        return service.createEventBus(CTX, CreateEventBusRequest.builder().name(name).build());
    }

    private static List<String> names(ListEventBusesResponse response) {
        return response.eventBuses().stream().map(EventBus::name).toList();
    }
}
