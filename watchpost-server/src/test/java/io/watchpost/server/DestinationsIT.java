package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.watchpost.server.config.DestinationMapping;
import io.watchpost.server.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Destinations Watchpost does not host, mapped in configuration to a real local HTTP endpoint: an EventBridge
 * target with an input transformer and a Logs subscription to a Lambda ARN receive exactly AWS's payloads.
 */
class DestinationsIT {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:handler";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer receiver;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** How many of the next requests the receiver fails with 503, to exercise retries. */
    private final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();

    record Received(String arn, byte[] body) {}

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Watchpost-Destination-Arn"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private TestServer server(Path dataDir) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        return TestServer.start(ServerConfig.forTesting(0, dataDir)
                .withDestinations(List.of(new DestinationMapping("arn:aws:lambda:*", url))));
    }

    private Received next() throws InterruptedException {
        Received next = received.poll(30, TimeUnit.SECONDS);  // delivery is asynchronous by design; bounded wait
        assertThat(next).as("a delivery arrived").isNotNull();
        return next;
    }

    @Test
    void eventBridgeTargetsReceiveTheTransformedEvent(@TempDir Path dataDir) throws Exception {
        try (TestServer server = server(dataDir); EventBridgeClient events = server.client(EventBridgeClient.builder())) {
            events.putRule(r -> r.name("orders").eventPattern("{\"source\":[\"shop\"]}"));
            events.putTargets(r -> r.rule("orders").targets(Target.builder().id("lambda").arn(LAMBDA)
                    .inputTransformer(t -> t.inputPathsMap(java.util.Map.of("amount", "$.detail.amount"))
                            .inputTemplate("{\"total\": <amount>, \"rule\": \"<aws.events.rule-name>\"}"))
                    .build()));
            failNext.set(1);  // the first attempt fails: the target's retry policy delivers it again
            events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("shop").detailType("order")
                    .detail("{\"amount\":42}").build()));
            Received delivery = next();
            assertThat(delivery.arn()).isEqualTo(LAMBDA);
            JsonNode payload = JSON.readTree(delivery.body());
            assertThat(payload.path("total").asInt()).isEqualTo(42);
            assertThat(payload.path("rule").asText()).isEqualTo("orders");
        }
    }

    @Test
    void logSubscriptionsDeliverAwsLogsEventsToLambda(@TempDir Path dataDir) throws Exception {
        try (TestServer server = server(dataDir);
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/subscribed"));
            logs.createLogStream(r -> r.logGroupName("/subscribed").logStreamName("s"));
            logs.putSubscriptionFilter(r -> r.logGroupName("/subscribed").filterName("errors")
                    .filterPattern("ERROR").destinationArn(LAMBDA));
            failNext.set(1);  // the first attempt fails: the outbox retries it
            long now = Instant.now().toEpochMilli();
            logs.putLogEvents(r -> r.logGroupName("/subscribed").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(now).message("ERROR boom").build(),
                    InputLogEvent.builder().timestamp(now).message("INFO fine").build()));
            Received delivery = next();
            JsonNode event = JSON.readTree(delivery.body());
            byte[] gzip = Base64.getDecoder().decode(event.at("/awslogs/data").asText());
            JsonNode data = JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes());
            assertThat(data.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
            assertThat(data.path("logGroup").asText()).isEqualTo("/subscribed");
            assertThat(data.path("subscriptionFilters").get(0).asText()).isEqualTo("errors");
            assertThat(data.path("logEvents")).hasSize(1);
            assertThat(data.at("/logEvents/0/message").asText()).isEqualTo("ERROR boom");
            assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).startsWith("{\"awslogs\"");
        }
    }
}
