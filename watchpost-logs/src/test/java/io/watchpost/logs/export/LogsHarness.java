package io.watchpost.logs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.LogFiltersService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.destination.DestinationsService;
import io.watchpost.logs.metrics.IncomingMetrics;
import io.watchpost.logs.stream.LogEventsService;
import io.watchpost.logs.subscription.SubscriptionDelivery;
import io.watchpost.logs.subscription.SubscriptionFilter;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The whole logs module as the server wires it (groups, events, filters, AWS/Logs metrics, export tasks) on a real
 * journal and record logs in a temp directory, with a hand-driven clock and scheduler, an in-memory object store,
 * a collecting metric sink and a collecting subscription delivery.
 */
final class LogsHarness implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final Instant START = Instant.parse("2025-03-04T05:06:07Z");
    static final long NOW = START.toEpochMilli();

    record Delivered(SubscriptionFilter filter, byte[] payload) {}

    final MutableClock clock = new MutableClock(START);
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    final MemoryObjectStore objects = new MemoryObjectStore();
    final List<MetricDatum> metrics = new CopyOnWriteArrayList<>();
    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    final StateJournal journal;
    final LogsService groups;
    final LogEventsService events;
    final LogFiltersService filters;
    final ExportTasksService exports;
    final DestinationsService destinations;

    LogsHarness(Path dir) throws Exception {
        journal = StateJournal.open(dir.resolve("state"), Durability.PROCESS);
        MetricSink sink = (scope, data) -> metrics.addAll(data);
        SubscriptionDelivery delivery = (scope, filter, payload) -> delivered.add(new Delivered(filter, payload));
        groups = new LogsService(journal, clock, tokens);
        events = new LogEventsService(journal, groups, dir.resolve("logs"), clock, scheduler, tokens);
        filters = new LogFiltersService(journal, clock, tokens, sink, delivery);
        events.addIngestListener(filters.metricFilterListener());
        events.addIngestListener(filters.subscriptionListener());
        events.addIngestListener(new IncomingMetrics(sink));
        destinations = new DestinationsService(journal, clock, tokens);
        exports = new ExportTasksService(journal, groups, events, objects, clock, scheduler, tokens);
    }

    static RequestContext context(String account) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), REGION, "logs", "Op",
                "127.0.0.1", "test", START);
    }

    <O> O call(Object request) {
        return call(context(ACCOUNT), request);
    }

    @SuppressWarnings("unchecked")
    <O> O call(RequestContext context, Object request) {
        for (WatchpostService service : List.of(groups, events, filters, exports, destinations)) {
            var handler = service.handlers().find(request.getClass());
            if (handler.isPresent()) {
                return (O) handler.get().handle(context, request);
            }
        }
        throw new IllegalArgumentException("no handler for " + request.getClass());
    }

    void createStream(String group, String stream) {
        if (groups.logGroup(SCOPE, group).isEmpty()) {
            call(CreateLogGroupRequest.builder().logGroupName(group).build());
        }
        call(CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build());
    }

    /** Puts messages at the given timestamps (alternating timestamp, message). */
    void put(String group, String stream, Object... timesAndMessages) {
        InputLogEvent[] events = new InputLogEvent[timesAndMessages.length / 2];
        for (int i = 0; i < events.length; i++) {
            events[i] = InputLogEvent.builder().timestamp((Long) timesAndMessages[2 * i])
                    .message((String) timesAndMessages[2 * i + 1]).build();
        }
        call(PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
                .logEvents(Arrays.asList(events)).build());
    }

    void advance(Duration duration) {
        clock.advance(duration);
        scheduler.runDue();
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Override
    public void close() throws java.io.IOException {
        exports.close();
        events.close();
        journal.close();
    }
}
