package io.watchpost.bench;

import io.watchpost.bench.workload.ServiceClients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * End-to-end EventBridge delivery latency: from sending PutEvents (one entry, matched by one rule whose target is a
 * log group) to the event being readable in the group. The log-group target writes one stream per event, named after
 * the event id, so the measurement polls GetLogEvents on that stream every millisecond until it answers with the
 * event; the poll adds at most ~1 ms plus one call. Events are sent one at a time (no queueing behind each other).
 * Run: {@code ./watchpost bench --event-latency [ENDPOINT_URL] [EVENTS]}; without a URL it starts the server jar
 * ({@code watchpost-server/target/watchpost-server.jar}) on a free port and a fresh directory, as the harness does.
 */
final class EventDeliveryLatency {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(30).toNanos();
    private static final String GROUP = "/bench/delivery";

    private EventDeliveryLatency() {}

    static void main(String[] args) throws Exception {
        boolean launch = args.length == 0 || !args[0].startsWith("http");
        int events = Integer.parseInt(args.length > (launch ? 0 : 1) ? args[launch ? 0 : 1] : "300");
        LaunchedServer server = launch ? ServerLauncher.watchpost(Path.of("watchpost-server/target/watchpost-server.jar"))
                : null;
        URI endpoint = launch ? server.uri() : URI.create(args[0]);
        try (ServiceClients clients = ServiceClients.connect(endpoint, 2, CALL_TIMEOUT)) {
            awaitReady(clients);
            setUp(clients);
            Histogram latency = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < 20; i++) {
                deliverOne(clients, i); // warm-up: JIT and first-use costs, not recorded
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            for (int i = 0; i < events; i++) {
                // A seeded pause of 0-1,000 ms first, so that sends do not fall into step with the server's
                // once-a-second scheduler tick (back-to-back sends would each wait a whole tick).
                Thread.sleep(random.nextInt(1_000));
                latency.recordValue(deliverOne(clients, i) / 1_000);
            }
            System.out.printf("EventBridge delivery latency, PutEvents -> readable in a log-group target, %d events:%n",
                    events);
            System.out.printf("| p50 | p90 | p99 | max | mean |%n|---|---|---|---|---|%n");
            System.out.printf("| %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getMaxValue() / 1e3, latency.getMean() / 1e3);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void awaitReady(ServiceClients clients) throws InterruptedException {
        long deadline = System.nanoTime() + EndpointStarter.READY_LIMIT.toNanos();
        while (true) {
            try {
                clients.logs().describeLogGroups(r -> r.limit(1));
                return;
            } catch (SdkException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // the server is starting; bounded by READY_LIMIT
            }
        }
    }

    private static void setUp(ServiceClients clients) {
        clients.logs().createLogGroup(r -> r.logGroupName(GROUP));
        clients.events().putRule(r -> r.name("bench-delivery").eventPattern("{\"source\":[\"bench.latency\"]}"));
        clients.events().putTargets(r -> r.rule("bench-delivery").targets(Target.builder().id("log")
                .arn("arn:aws:logs:us-east-1:000000000000:log-group:" + GROUP).build()));
    }

    /** Nanoseconds from sending the event to reading it back. */
    private static long deliverOne(ServiceClients clients, int i) throws InterruptedException {
        long start = System.nanoTime();
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source("bench.latency").detailType("Tick")
                .detail("{\"n\":" + i + "}").build();
        PutEventsResponse put = clients.events().putEvents(r -> r.entries(entry));
        String id = put.entries().get(0).eventId();
        if (id == null) {
            throw new IllegalStateException("PutEvents refused the entry: " + put.entries().get(0).errorCode());
        }
        while (System.nanoTime() - start < GIVE_UP_NANOS) {
            try {
                if (!clients.logs().getLogEvents(r -> r.logGroupName(GROUP).logStreamName(id)).events().isEmpty()) {
                    return System.nanoTime() - start;
                }
            } catch (ResourceNotFoundException notYet) {
                // the target has not created the event's stream yet
            }
            Thread.sleep(1); // poll interval: the measurement's resolution
        }
        throw new IllegalStateException("event " + id + " not delivered within 30 s");
    }
}
