package io.watchpost.events.apidestination;

import static io.watchpost.events.apidestination.Calls.ctx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;

class ConnectionsTest {
    @TempDir
    Path directory;
    StateJournal journal;
    final MutableClock clock = new MutableClock(Calls.START);
    ConnectionOperations ops;

    @BeforeEach
    void open() throws Exception {
        journal = StateJournal.open(directory, Durability.PROCESS);
        Random random = new Random(42);
        ops = new ConnectionOperations(new Connections(journal), clock, new PageTokens(new byte[16]),
                () -> Long.toHexString(random.nextLong()) + "-0000-4000-8000-000000000000", () -> "AbC123");
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    @Test
    void basicConnectionIsAuthorizedAndHidesItsSecrets() {
        CreateConnectionResponse created = ops.create(ctx("CreateConnection"), Calls.basic("c1", "user", "pw")
                .toBuilder().description("d").authParameters(a -> a
                        .basicAuthParameters(b -> b.username("user").password("pw"))
                        .invocationHttpParameters(Calls.headers(List.of(
                                ConnectionHeaderParameter.builder().key("X-Open").value("v").build(),
                                ConnectionHeaderParameter.builder().key("X-Secret").value("s").isValueSecret(true)
                                        .build())))).build());
        assertThat(created.connectionStateAsString()).isEqualTo("AUTHORIZED");
        assertThat(created.connectionArn()).matches(
                "arn:aws:events:us-east-1:000000000000:connection/c1/[-0-9a-f]+");

        DescribeConnectionResponse described = describe("c1");
        assertThat(described.name()).isEqualTo("c1");
        assertThat(described.description()).isEqualTo("d");
        assertThat(described.authorizationTypeAsString()).isEqualTo("BASIC");
        assertThat(described.authParameters().basicAuthParameters().username()).isEqualTo("user");
        assertThat(described.toString()).doesNotContain("pw");
        assertThat(described.authParameters().invocationHttpParameters().headerParameters())
                .extracting(ConnectionHeaderParameter::key, ConnectionHeaderParameter::value,
                        ConnectionHeaderParameter::isValueSecret)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X-Open", "v", false),
                        org.assertj.core.groups.Tuple.tuple("X-Secret", null, true));
        assertThat(described.secretArn()).isEqualTo("arn:aws:secretsmanager:us-east-1:000000000000:secret:"
                + "events!connection/c1/" + created.connectionArn().substring(created.connectionArn()
                        .lastIndexOf('/') + 1) + "-AbC123");
        assertThat(described.creationTime()).isEqualTo(Calls.START);
        assertThat(described.lastAuthorizedTime()).isEqualTo(Calls.START);
    }

    @Test
    void oauthConnectionStartsAuthorizingAndShowsClientIdOnly() {
        ops.create(ctx("CreateConnection"), oauth("o1"));
        DescribeConnectionResponse described = describe("o1");
        assertThat(described.connectionStateAsString()).isEqualTo("AUTHORIZING");
        assertThat(described.authParameters().oAuthParameters().clientParameters().clientID()).isEqualTo("id");
        assertThat(described.authParameters().oAuthParameters().authorizationEndpoint())
                .isEqualTo("https://auth.example.com/token");
        assertThat(described.toString()).doesNotContain("secret-value");
    }

    @Test
    void duplicateAndMissingConnections() {
        ops.create(ctx("CreateConnection"), Calls.basic("c1", "u", "p"));
        assertError(() -> ops.create(ctx("CreateConnection"), Calls.basic("c1", "u", "p")),
                AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "Connection c1 already exists.");
        assertError(() -> describe("nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to describe the connection(s). Connection 'nope' does not exist.");
        assertError(() -> ops.delete(ctx("DeleteConnection"), DeleteConnectionRequest.builder().name("nope")
                .build()), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to describe the connection(s). Connection 'nope' does not exist.");
    }

    @Test
    void modelValidation() {
        assertError(() -> ops.create(ctx("CreateConnection"), Calls.basic("bad name", "u", "p")),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value 'bad name' at 'name' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertError(() -> ops.create(ctx("CreateConnection"), CreateConnectionRequest.builder().name("c")
                .authorizationType("DIGEST").build()), AwsError.EVENTS_VALIDATION,
                "2 validation errors detected: Value 'DIGEST' at 'authorizationType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]; "
                        + "Value null at 'authParameters' failed to satisfy constraint: Member must not be null");
        assertError(() -> ops.create(ctx("CreateConnection"), Calls.basic("c", "u", null)),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at "
                        + "'authParameters.basicAuthParameters.password' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void authParametersMustMatchTheType() {
        CreateConnectionRequest mismatch = Calls.basic("c", "u", "p").toBuilder().authorizationType("API_KEY")
                .build();
        assertThatThrownBy(() -> ops.create(ctx("CreateConnection"), mismatch))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.EVENTS_VALIDATION));
    }

    @Test
    void updateDeauthorizeListAndDelete() {
        ops.create(ctx("CreateConnection"), Calls.apiKey("k1", "x-api-key", "one"));
        ops.create(ctx("CreateConnection"), Calls.basic("b1", "u", "p"));
        clock.advance(Duration.ofMinutes(1));
        var deauthorized = ops.deauthorize(ctx("DeauthorizeConnection"),
                DeauthorizeConnectionRequest.builder().name("k1").build());
        assertThat(deauthorized.connectionStateAsString()).isEqualTo("DEAUTHORIZING");
        assertThat(describe("k1").connectionStateAsString()).isEqualTo("DEAUTHORIZED");

        var listed = ops.list(ctx("ListConnections"), ListConnectionsRequest.builder()
                .connectionState("DEAUTHORIZED").build());
        assertThat(listed.connections()).extracting(c -> c.name()).containsExactly("k1");

        clock.advance(Duration.ofMinutes(1));
        var updated = ops.update(ctx("UpdateConnection"), UpdateConnectionRequest.builder().name("k1")
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyValue("two"))).build());
        assertThat(updated.connectionStateAsString()).isEqualTo("AUTHORIZED");
        assertThat(updated.lastAuthorizedTime()).isEqualTo(Calls.START.plus(Duration.ofMinutes(2)));
        assertThat(describe("k1").authParameters().apiKeyAuthParameters().apiKeyName()).isEqualTo("x-api-key");

        var deleted = ops.delete(ctx("DeleteConnection"), DeleteConnectionRequest.builder().name("k1").build());
        assertThat(deleted.connectionStateAsString()).isEqualTo("DELETING");
        assertThat(ops.list(ctx("ListConnections"), ListConnectionsRequest.builder().build()).connections())
                .extracting(c -> c.name()).containsExactly("b1");
    }

    @Test
    void updateToAnotherTypeNeedsThatTypesParameters() {
        ops.create(ctx("CreateConnection"), Calls.apiKey("k1", "x-api-key", "one"));
        assertThatThrownBy(() -> ops.update(ctx("UpdateConnection"), UpdateConnectionRequest.builder().name("k1")
                .authorizationType("BASIC").build()))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.EVENTS_VALIDATION));
        ops.update(ctx("UpdateConnection"), UpdateConnectionRequest.builder().name("k1").authorizationType("BASIC")
                .authParameters(a -> a.basicAuthParameters(b -> b.username("u").password("p"))).build());
        DescribeConnectionResponse described = describe("k1");
        assertThat(described.authorizationTypeAsString()).isEqualTo("BASIC");
        assertThat(described.authParameters().apiKeyAuthParameters()).isNull();
    }

    @Test
    void listPagesByNameWithPrefix() {
        for (String name : List.of("a3", "a1", "b1", "a2")) {
            ops.create(ctx("CreateConnection"), Calls.basic(name, "u", "p"));
        }
        ListConnectionsResponse first = ops.list(ctx("ListConnections"), ListConnectionsRequest.builder()
                .namePrefix("a").limit(2).build());
        assertThat(first.connections()).extracting(c -> c.name()).containsExactly("a1", "a2");
        ListConnectionsResponse second = ops.list(ctx("ListConnections"), ListConnectionsRequest.builder()
                .namePrefix("a").limit(2).nextToken(first.nextToken()).build());
        assertThat(second.connections()).extracting(c -> c.name()).containsExactly("a3");
        assertThat(second.nextToken()).isNull();
        assertError(() -> ops.list(ctx("ListConnections"), ListConnectionsRequest.builder().nextToken("junk")
                .build()), AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid.");
    }

    static CreateConnectionRequest oauth(String name) {
        return CreateConnectionRequest.builder().name(name).authorizationType("OAUTH_CLIENT_CREDENTIALS")
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint("https://auth.example.com/token")
                        .httpMethod("POST").clientParameters(c -> c.clientID("id").clientSecret("secret-value"))))
                .build();
    }

    private DescribeConnectionResponse describe(String name) {
        return ops.describe(ctx("DescribeConnection"), DescribeConnectionRequest.builder().name(name).build());
    }

    static void assertError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
