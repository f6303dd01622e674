package io.watchpost.events.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.EndpointEventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEndpointsRequest;
import software.amazon.awssdk.services.eventbridge.model.RoutingConfig;
import software.amazon.awssdk.services.eventbridge.model.UpdateEndpointRequest;

/** Global endpoints stored, described, updated, listed and deleted on a real journal, surviving a restart. */
class EndpointsServiceTest {
    static final RequestContext CTX = new RequestContext("req-1", new Principal("AKID", "000000000000", "tester"),
            "us-east-1", "events", "Test", "127.0.0.1", "test", Instant.parse("2025-03-01T12:00:00Z"));
    static final String CHECK = "arn:aws:route53:::healthcheck/abc-123";
    static final EndpointEventBus EAST = EndpointEventBus.builder()
            .eventBusArn("arn:aws:events:us-east-1:000000000000:event-bus/orders").build();
    static final EndpointEventBus WEST = EndpointEventBus.builder()
            .eventBusArn("arn:aws:events:us-west-2:000000000000:event-bus/orders").build();

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    StateJournal journal;
    EndpointsService service;

    @BeforeEach
    void open() throws IOException {
        journal = StateJournal.open(directory, Durability.PROCESS);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        service = new EndpointsService(journal, clock, new PageTokens(key), new Random(7));
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    static RoutingConfig routing(String route) {
        return RoutingConfig.builder().failoverConfig(f -> f.primary(p -> p.healthCheck(CHECK))
                .secondary(s -> s.route(route))).build();
    }

    CreateEndpointRequest.Builder create(String name) {
        return CreateEndpointRequest.builder().name(name).routingConfig(routing("us-west-2")).eventBuses(EAST, WEST)
                .roleArn("arn:aws:iam::000000000000:role/replication");
    }

    static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void createIsActiveAndDescribedAsAwsFormsIt() throws IOException {
        var created = service.create(CTX, create("orders-endpoint").description("fail over").build());
        assertThat(created.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:endpoint/orders-endpoint");
        assertThat(created.stateAsString()).isEqualTo("ACTIVE");
        assertThat(created.replicationConfig().stateAsString()).isEqualTo("ENABLED");
        assertThat(created.eventBuses()).containsExactly(EAST, WEST);

        journal.close();
        open();
        clock.advance(Duration.ofMinutes(1));
        var described = service.describe(CTX, DescribeEndpointRequest.builder().name("orders-endpoint").build());
        assertThat(described.endpointId()).matches("[a-z0-9]{5}\\.[a-z]{3}");
        assertThat(described.endpointUrl()).isEqualTo("https://" + described.endpointId()
                + ".endpoint.events.amazonaws.com");
        assertThat(described.routingConfig()).isEqualTo(routing("us-west-2"));
        assertThat(described.description()).isEqualTo("fail over");
        assertThat(described.creationTime()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
        assertThat(described.roleArn()).isEqualTo("arn:aws:iam::000000000000:role/replication");
    }

    @Test
    void updateKeepsWhatItDoesNotChange() {
        service.create(CTX, create("e").build());
        clock.advance(Duration.ofMinutes(5));
        var updated = service.update(CTX, UpdateEndpointRequest.builder().name("e").routingConfig(routing("eu-west-1"))
                .replicationConfig(r -> r.state("DISABLED")).build());
        assertThat(updated.routingConfig()).isEqualTo(routing("eu-west-1"));
        assertThat(updated.replicationConfig().stateAsString()).isEqualTo("DISABLED");
        assertThat(updated.eventBuses()).containsExactly(EAST, WEST);
        var described = service.describe(CTX, DescribeEndpointRequest.builder().name("e").build());
        assertThat(described.endpointId()).isEqualTo(updated.endpointId());
        assertThat(described.lastModifiedTime()).isEqualTo(Instant.parse("2025-03-01T12:05:00Z"));
    }

    @Test
    void listPagesByNameAndFiltersByPrefixAndHomeRegion() {
        for (String name : new String[] {"a1", "a2", "a3", "b1"}) {
            service.create(CTX, create(name).build());
        }
        var first = service.list(CTX, ListEndpointsRequest.builder().namePrefix("a").maxResults(2).build());
        assertThat(first.endpoints()).extracting(e -> e.name()).containsExactly("a1", "a2");
        var second = service.list(CTX, ListEndpointsRequest.builder().namePrefix("a").maxResults(2)
                .nextToken(first.nextToken()).build());
        assertThat(second.endpoints()).extracting(e -> e.name()).containsExactly("a3");
        assertThat(second.nextToken()).isNull();
        assertThat(service.list(CTX, ListEndpointsRequest.builder().homeRegion("us-west-2").build()).endpoints())
                .isEmpty();
        assertThat(service.list(CTX, ListEndpointsRequest.builder().build()).endpoints()).hasSize(4);
    }

    @Test
    void conflictsAndMissingEndpoints() {
        service.create(CTX, create("e").build());
        assertError(() -> service.create(CTX, create("e").build()), AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                "Endpoint e already exists.");
        service.delete(CTX, DeleteEndpointRequest.builder().name("e").build());
        assertError(() -> service.describe(CTX, DescribeEndpointRequest.builder().name("e").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Endpoint e does not exist.");
        assertError(() -> service.delete(CTX, DeleteEndpointRequest.builder().name("e").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Endpoint e does not exist.");
    }

    @Test
    void modelConstraintsInAwsWording() {
        assertError(() -> service.create(CTX, CreateEndpointRequest.builder().build()), AwsError.EVENTS_VALIDATION,
                "3 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'routingConfig' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'eventBuses' failed to satisfy constraint: Member must not be null");
        assertError(() -> service.create(CTX, create("e").eventBuses(EAST).routingConfig(routing("west"))
                .build()), AwsError.EVENTS_VALIDATION, "2 validation errors detected: Value 'west' at "
                + "'routingConfig.failoverConfig.secondary.route' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 9; Value '[" + EAST + "]' at 'eventBuses' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 2");
        assertError(() -> service.update(CTX, UpdateEndpointRequest.builder().name("bad name").build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value 'bad name' at 'name' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }
}
