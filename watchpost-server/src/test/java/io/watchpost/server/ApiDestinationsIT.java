package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** An EventBridge rule targeting an API destination makes a real HTTP call with the connection's API key. */
class ApiDestinationsIT {
    record Call(String apiKey, String userAgent, String body) {}

    @Test
    void ruleTargetsCallTheApiDestination(@TempDir Path dataDir) throws Exception {
        LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/orders", exchange -> {
            calls.add(new Call(exchange.getRequestHeaders().getFirst("x-api-key"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (TestServer server = TestServer.start(dataDir);
                EventBridgeClient events = server.client(EventBridgeClient.builder())) {
            var connection = events.createConnection(r -> r.name("shop-api")
                    .authorizationType(ConnectionAuthorizationType.API_KEY)
                    .authParameters(p -> p.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key")
                            .apiKeyValue("s3cr3t"))));
            assertThat(connection.connectionState()).isEqualTo(ConnectionState.AUTHORIZED);
            String destination = events.createApiDestination(r -> r.name("orders")
                    .connectionArn(connection.connectionArn())
                    .invocationEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/orders")
                    .httpMethod("POST")).apiDestinationArn();
            assertThat(events.describeConnection(r -> r.name("shop-api")).authParameters().apiKeyAuthParameters()
                    .apiKeyName()).isEqualTo("x-api-key");

            events.putRule(r -> r.name("to-api").eventPattern("{\"source\":[\"shop\"]}"));
            events.putTargets(r -> r.rule("to-api").targets(Target.builder().id("api").arn(destination)
                    .roleArn("arn:aws:iam::000000000000:role/eventbridge").build()));
            events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("shop").detailType("order")
                    .detail("{\"id\":7}").build()));

            Call call = calls.poll(30, TimeUnit.SECONDS);  // delivery is asynchronous by design; bounded wait
            assertThat(call).as("the API destination was called").isNotNull();
            assertThat(call.apiKey()).isEqualTo("s3cr3t");
            assertThat(call.userAgent()).contains("Amazon/EventBridge/ApiDestinations");
            assertThat(new ObjectMapper().readTree(call.body()).at("/detail/id").asInt()).isEqualTo(7);
        } finally {
            receiver.stop(0);
        }
    }
}
