package io.watchpost.events.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.events.EventBusService;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.store.Durability;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The real services wired as the server wires them (bus, rules, archives) on a temp directory, a hand-driven clock
 * and scheduler, and a delivery that records payloads by target ARN. {@link #restart()} closes and reopens all.
 */
final class Harness implements AutoCloseable {
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    static final RequestContext CTX = new RequestContext("req-1", new Principal("AKID", "000000000000", "tester"),
            "us-east-1", "events", "Test", "127.0.0.1", "test", START);
    static final String DEFAULT_BUS = "arn:aws:events:us-east-1:000000000000:event-bus/default";

    record Delivered(String targetArn, String payload) {}

    final Path directory;
    final MutableClock clock = new MutableClock(START);
    final List<Delivered> delivered = new ArrayList<>();
    ClockScheduler scheduler;
    StateJournal journal;
    DeliveryQueue queue;
    EventBusService buses;
    EventRulesService rules;
    ArchiveService archives;

    Harness(Path directory) throws IOException {
        this.directory = directory;
        open();
    }

    private void open() throws IOException {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        PageTokens tokens = new PageTokens(key);
        scheduler = new ClockScheduler(clock);
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        queue = new DeliveryQueue((scope, rule, target, payload) -> {
            synchronized (delivered) {
                delivered.add(new Delivered(target.arn(), payload));
            }
        }, 1000);
        buses = new EventBusService(journal, clock, tokens);
        rules = new EventRulesService(journal, clock, tokens, queue, new Random(42));
        archives = new ArchiveService(journal, directory.resolve("archives"), RecordLogConfig.defaults(), clock,
                scheduler, tokens, rules);
    }

    void restart() throws IOException {
        close();
        open();
    }

    /** Moves the clock one replay tick, runs the due scheduler tasks, then delivers what they queued. */
    void tick() {
        clock.advance(ReplayRunner.TICK);
        scheduler.runDue();
        queue.deliverPending();
    }

    <O> O call(WatchpostService service, Object request, Class<O> responseType) {
        return responseType.cast(service.handlers().find(request.getClass()).orElseThrow().handle(CTX, request));
    }

    void rule(String bus, String name, String pattern, String targetArn) {
        call(rules, PutRuleRequest.builder().eventBusName(bus).name(name).eventPattern(pattern).build(), Object.class);
        call(rules, PutTargetsRequest.builder().eventBusName(bus).rule(name)
                .targets(Target.builder().id("t").arn(targetArn).build()).build(), Object.class);
    }

    PutEventsResponse put(String bus, String source, String detail) {
        PutEventsResponse response = call(rules, PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source(source).detailType("Test").detail(detail).build()).build(),
                PutEventsResponse.class);
        assertThat(response.failedEntryCount()).isZero();
        queue.deliverPending();
        return response;
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Override
    public void close() throws IOException {
        archives.close();
        queue.close();
        journal.close();
    }
}
