package io.watchpost.events.apidestination;

import static io.watchpost.events.apidestination.Calls.ctx;
import static io.watchpost.events.apidestination.ConnectionsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationRequest;

class DestinationsTest {
    @TempDir
    Path directory;
    StateJournal journal;
    final MutableClock clock = new MutableClock(Calls.START);
    ApiHandlers handlers;
    String connectionArn;

    @BeforeEach
    void open() throws Exception {
        journal = StateJournal.open(directory, Durability.PROCESS);
        handlers = new ApiDestinationsService(journal, clock, new PageTokens(new byte[16]), new Random(7)).handlers();
        connectionArn = call(Calls.basic("c1", "u", "p"), CreateConnectionResponse.class).connectionArn();
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    @Test
    void createDescribeUpdateListDelete() {
        CreateApiDestinationResponse created = call(Calls.destination("d1", connectionArn,
                "https://example.com/orders/*", "POST", null), CreateApiDestinationResponse.class);
        assertThat(created.apiDestinationArn()).matches(
                "arn:aws:events:us-east-1:000000000000:api-destination/d1/[-0-9a-f]{36}");
        assertThat(created.apiDestinationStateAsString()).isEqualTo("ACTIVE");

        DescribeApiDestinationResponse described = describe("d1");
        assertThat(described.invocationRateLimitPerSecond()).isEqualTo(300);
        assertThat(described.connectionArn()).isEqualTo(connectionArn);
        assertThat(described.httpMethodAsString()).isEqualTo("POST");

        call(UpdateApiDestinationRequest.builder().name("d1").httpMethod("PUT").invocationRateLimitPerSecond(5)
                .build(), Object.class);
        assertThat(describe("d1").httpMethodAsString()).isEqualTo("PUT");
        assertThat(describe("d1").invocationRateLimitPerSecond()).isEqualTo(5);
        assertThat(describe("d1").invocationEndpoint()).isEqualTo("https://example.com/orders/*");

        call(Calls.destination("d2", connectionArn, "https://example.com/b", "GET", 10), Object.class);
        ListApiDestinationsResponse listed = call(ListApiDestinationsRequest.builder().limit(1).build(),
                ListApiDestinationsResponse.class);
        assertThat(listed.apiDestinations()).extracting(d -> d.name()).containsExactly("d1");
        assertThat(call(ListApiDestinationsRequest.builder().nextToken(listed.nextToken()).build(),
                ListApiDestinationsResponse.class).apiDestinations()).extracting(d -> d.name()).containsExactly("d2");

        call(DeleteApiDestinationRequest.builder().name("d1").build(), Object.class);
        assertError(() -> describe("d1"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to describe the api-destination(s). An api-destination 'd1' does not exist.");
    }

    @Test
    void errors() {
        call(Calls.destination("d1", connectionArn, "https://example.com", "POST", null), Object.class);
        assertError(() -> call(Calls.destination("d1", connectionArn, "https://example.com", "POST", null),
                Object.class), AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "An api-destination 'd1' already exists.");
        String missing = connectionArn.replace("/c1/", "/zz/");
        assertError(() -> call(Calls.destination("d2", missing, "https://example.com", "POST", null), Object.class),
                AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to describe the connection(s). Connection 'zz' does not exist.");
        assertError(() -> call(Calls.destination("d2", connectionArn, "https://example.com", "FETCH", 0),
                Object.class), AwsError.EVENTS_VALIDATION, "2 validation errors detected: Value 'FETCH' at "
                + "'httpMethod' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[POST, GET, HEAD, OPTIONS, PUT, PATCH, DELETE]; Value '0' at 'invocationRateLimitPerSecond' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertError(() -> call(Calls.destination("d2", connectionArn, null, "POST", null), Object.class),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at 'invocationEndpoint' "
                        + "failed to satisfy constraint: Member must not be null");
        assertError(() -> call(UpdateApiDestinationRequest.builder().name("nope").build(), Object.class),
                AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to update the api-destination(s). An api-destination 'nope' does not exist.");
        assertError(() -> call(DeleteApiDestinationRequest.builder().name("nope").build(), Object.class),
                AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to delete the api-destination(s). An api-destination 'nope' does not exist.");
    }

    @Test
    void connectionsAndDestinationsSurviveARestart() throws Exception {
        call(Calls.destination("d1", connectionArn, "https://example.com", "POST", 7), Object.class);
        journal.close();
        journal = StateJournal.open(directory, Durability.PROCESS);
        handlers = new ApiDestinationsService(journal, clock, new PageTokens(new byte[16]), new Random(7)).handlers();
        assertThat(describe("d1").invocationRateLimitPerSecond()).isEqualTo(7);
        assertThat(call(DescribeConnectionRequest.builder().name("c1").build(), DescribeConnectionResponse.class)
                .connectionArn()).isEqualTo(connectionArn);
    }

    private DescribeApiDestinationResponse describe(String name) {
        return call(DescribeApiDestinationRequest.builder().name(name).build(), DescribeApiDestinationResponse.class);
    }

    private <T> T call(Object request, Class<T> type) {
        return type.cast(handlers.find(request.getClass()).orElseThrow().handle(ctx("Op"), request));
    }
}
