package io.watchpost.logs.stream;

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
import io.watchpost.logs.LogsService;
import io.watchpost.store.Durability;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * LogsService + LogEventsService on a real journal and real record logs in a temp directory, a hand-driven clock
 * and scheduler; {@link #reopen()} simulates a restart. Small segments (4 KiB) so tests cross sealed segments.
 */
final class EventsHarness implements AutoCloseable {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2025-01-02T03:04:05Z");
    static final long NOW = START.toEpochMilli();

    final MutableClock clock = new MutableClock(START);
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    final Path dir;
    private StateJournal journal;
    LogsService groups;
    LogEventsService events;

    EventsHarness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        journal = StateJournal.open(dir.resolve("state"), Durability.PROCESS);
        groups = new LogsService(journal, clock, tokens);
        RecordLogConfig config = RecordLogConfig.defaults().withClock(clock).withSegmentBytes(4096)
                .withBlockBytes(1024).withSegmentAge(Duration.ofHours(1));
        events = new LogEventsService(journal, groups, dir.resolve("logs"), config, clock, scheduler, tokens);
    }

    /** Closes everything (a clean shutdown) and opens it again. */
    void reopen() throws Exception {
        close();
        open();
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
        for (WatchpostService service : List.of(groups, events)) {
            var handler = service.handlers().find(request.getClass());
            if (handler.isPresent()) {
                return (O) handler.get().handle(context, request);
            }
        }
        throw new IllegalArgumentException("no handler for " + request.getClass());
    }

    void group(String name) {
        call(CreateLogGroupRequest.builder().logGroupName(name).build());
    }

    void stream(String group, String stream) {
        call(CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build());
    }

    static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    PutLogEventsResponse put(String group, String stream, InputLogEvent... logEvents) {
        return call(PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
                .logEvents(Arrays.asList(logEvents)).build());
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    /** Releases the files of an instance a test treated as crashed (after the survivor has opened them). */
    void abandon() throws java.io.IOException {
        close();
    }

    @Override
    public void close() throws java.io.IOException {
        events.close();
        journal.close();
    }
}
