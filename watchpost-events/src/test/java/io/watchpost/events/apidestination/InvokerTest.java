package io.watchpost.events.apidestination;

import static io.watchpost.events.apidestination.Calls.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.events.apidestination.InvocationResult.Outcome;
import io.watchpost.events.apidestination.LocalHttpServer.Reply;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBodyParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHttpParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionQueryStringParameter;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;

class InvokerTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    @TempDir
    Path directory;
    StateJournal journal;
    final MutableClock clock = new MutableClock(Calls.START);
    final LocalHttpServer server = newServer();
    ApiHandlers handlers;
    ApiDestinationInvoker invoker;

    @BeforeEach
    void open() throws Exception {
        journal = StateJournal.open(directory, Durability.PROCESS);
        handlers = new ApiDestinationsService(journal, clock, new PageTokens(new byte[16]), new Random(7)).handlers();
        invoker = new ApiDestinationInvoker(journal, clock, HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        journal.close();
    }

    @Test
    void basicAuthWithDefaultHeadersAndMergedParameters() {
        String connection = connect(Calls.basic("c", "user", "pw").toBuilder().authParameters(a -> a
                .basicAuthParameters(b -> b.username("user").password("pw"))
                .invocationHttpParameters(ConnectionHttpParameters.builder()
                        .headerParameters(ConnectionHeaderParameter.builder().key("X-Conn").value("secret-h")
                                .isValueSecret(true).build(),
                                ConnectionHeaderParameter.builder().key("X-Both").value("connection").build())
                        .queryStringParameters(ConnectionQueryStringParameter.builder().key("cq").value("1 2").build())
                        .bodyParameters(ConnectionBodyParameter.builder().key("extra").value("x").build())
                        .build())).build());
        String destination = destination("d", connection, server.url("/orders/*/items/*"), "POST", null);

        InvocationResult result = invoker.invoke(SCOPE, destination, "{\"a\":1}", new HttpParameters(
                List.of("o-1", "i 2"), Map.of("X-Target", "t", "X-Both", "target"), Map.of("tq", "v")));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(200);
        LocalHttpServer.Received got = server.received().getFirst();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/orders/o-1/items/i 2");
        assertThat(got.query()).isEqualTo("tq=v&cq=1+2");
        assertThat(got.header("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("user:pw".getBytes()));
        assertThat(got.header("User-Agent")).isEqualTo("Amazon/EventBridge/ApiDestinations");
        assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(got.header("X-Conn")).isEqualTo("secret-h");
        assertThat(got.header("X-Target")).isEqualTo("t");
        assertThat(got.header("X-Both")).isEqualTo("connection");
        assertThat(got.body()).isEqualTo("{\"a\":1,\"extra\":\"x\"}");
    }

    @Test
    void apiKeyHeaderAndGetWithoutBody() {
        String connection = connect(Calls.apiKey("k", "x-api-key", "the-key"));
        String destination = destination("d", connection, server.url("/hook"), "GET", null);
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        LocalHttpServer.Received got = server.received().getFirst();
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.header("x-api-key")).isEqualTo("the-key");
        assertThat(got.body()).isEmpty();
    }

    @Test
    void oauthTokenIsFetchedCachedExpiredAndRefreshedOn401() {
        AtomicInteger issued = new AtomicInteger();
        server.route("/token", r -> new Reply(200,
                "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"expires_in\":60}"));
        server.route("/api", r -> r.header("Authorization").equals("Bearer tok-2")
                ? new Reply(401, "") : new Reply(200, ""));
        String connection = connect(oauth(server.url("/token")));
        assertThat(state("o")).isEqualTo("AUTHORIZING");
        String destination = destination("d", connection, server.url("/api"), "POST", null);

        InvocationResult refreshed = invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE);
        assertThat(refreshed.delivered()).as(refreshed.toString()).isTrue();
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        assertThat(server.received("/token")).hasSize(1);
        assertThat(state("o")).isEqualTo("AUTHORIZED");
        LocalHttpServer.Received fetch = server.received("/token").getFirst();
        assertThat(fetch.method()).isEqualTo("POST");
        assertThat(fetch.header("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("cid:csecret".getBytes()));
        assertThat(fetch.body()).isEqualTo("grant_type=client_credentials");
        assertThat(fetch.query()).isEqualTo("audience=api");
        assertThat(fetch.header("X-Token-Header")).isEqualTo("h");

        clock.advance(Duration.ofSeconds(61)); // tok-1 expired: tok-2 is fetched, refused, and tok-3 is fetched
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        assertThat(server.received("/token")).hasSize(3);
        assertThat(server.received("/api").getLast().header("Authorization")).isEqualTo("Bearer tok-3");
    }

    @Test
    void refusedTokenDeauthorizesTheConnection() {
        server.route("/token", r -> new Reply(400, "{\"error\":\"invalid_client\"}"));
        String connection = connect(oauth(server.url("/token")));
        String destination = destination("d", connection, server.url("/api"), "POST", null);
        InvocationResult result = invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE);
        assertThat(result.outcome()).isEqualTo(Outcome.DROP);
        assertThat(state("o")).isEqualTo("DEAUTHORIZED");
        assertThat(server.received("/api")).isEmpty();
    }

    @Test
    void rateLimitIsATokenBucketOnTheClock() {
        String connection = connect(Calls.apiKey("k", "x-api-key", "v"));
        String destination = destination("d", connection, server.url("/hook"), "POST", 2);
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        InvocationResult throttled = invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE);
        assertThat(throttled.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(throttled.retryAfter()).contains(Duration.ofMillis(500));
        assertThat(server.received()).hasSize(2);
        clock.advance(Duration.ofMillis(500));
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).delivered()).isTrue();
        assertThat(invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE).outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void statusCodesMapToRetryOrDrop() {
        String connection = connect(Calls.apiKey("k", "x-api-key", "v"));
        Map<Integer, Outcome> expected = Map.of(500, Outcome.RETRY, 503, Outcome.RETRY, 429, Outcome.RETRY,
                409, Outcome.RETRY, 404, Outcome.DROP, 400, Outcome.DROP, 302, Outcome.DROP, 204, Outcome.DELIVERED);
        expected.forEach((status, outcome) -> {
            server.route("/s" + status, r -> new Reply(status, ""));
            String destination = destination("d" + status, connection, server.url("/s" + status), "POST", null);
            InvocationResult result = invoker.invoke(SCOPE, destination, "{}", HttpParameters.NONE);
            assertThat(result.outcome()).as("HTTP %d", status).isEqualTo(outcome);
            assertThat(result.statusCode()).isEqualTo(status);
        });
    }

    @Test
    void timeoutsAndMissingOrDeauthorizedTargets() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", r -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reply(200, "");
        });
        String connection = connect(Calls.apiKey("k", "x-api-key", "v"));
        String slow = destination("slow", connection, server.url("/slow"), "POST", null);
        ApiDestinationInvoker impatient = new ApiDestinationInvoker(journal, clock, HttpClient.newHttpClient(),
                Duration.ofMillis(200));
        try {
            assertThat(impatient.invoke(SCOPE, slow, "{}", HttpParameters.NONE).outcome()).isEqualTo(Outcome.RETRY);
        } finally {
            release.countDown();
        }
        assertThat(invoker.invoke(SCOPE, slow.replace("/slow/", "/gone/"), "{}", HttpParameters.NONE).outcome())
                .isEqualTo(Outcome.DROP);
        call(DeauthorizeConnectionRequest.builder().name("k").build());
        assertThat(invoker.invoke(SCOPE, slow, "{}", HttpParameters.NONE).outcome()).isEqualTo(Outcome.DROP);
    }

    private CreateConnectionRequest oauth(String endpoint) {
        return CreateConnectionRequest.builder().name("o").authorizationType("OAUTH_CLIENT_CREDENTIALS")
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint(endpoint).httpMethod("POST")
                        .clientParameters(c -> c.clientID("cid").clientSecret("csecret"))
                        .oAuthHttpParameters(ConnectionHttpParameters.builder()
                                .bodyParameters(ConnectionBodyParameter.builder().key("grant_type")
                                        .value("client_credentials").build())
                                .queryStringParameters(ConnectionQueryStringParameter.builder().key("audience")
                                        .value("api").build())
                                .headerParameters(ConnectionHeaderParameter.builder().key("X-Token-Header")
                                        .value("h").build())
                                .build())))
                .build();
    }

    private String connect(CreateConnectionRequest request) {
        return ((CreateConnectionResponse) call(request)).connectionArn();
    }

    private String destination(String name, String connection, String endpoint, String method, Integer rate) {
        return ((CreateApiDestinationResponse) call(Calls.destination(name, connection, endpoint, method, rate)))
                .apiDestinationArn();
    }

    private String state(String connection) {
        return ((DescribeConnectionResponse) call(DescribeConnectionRequest.builder().name(connection).build()))
                .connectionStateAsString();
    }

    private Object call(Object request) {
        return handlers.find(request.getClass()).orElseThrow().handle(ctx("Op"), request);
    }

    private static LocalHttpServer newServer() {
        try {
            return new LocalHttpServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
