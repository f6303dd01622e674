package io.watchpost.cloudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A MetricsService on real temp directories, a hand-driven clock and scheduler; reopen() is a restart. */
final class MetricsHarness {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private final Path dir;
    private StateJournal journal;
    private MetricsService service;

    MetricsHarness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        journal = StateJournal.open(dir.resolve("journal"), Durability.PROCESS);
        service = new MetricsService(journal, dir.resolve("metrics"), clock, scheduler, tokens);
    }

    void reopen() throws Exception {
        close();
        open();
    }

    MetricsService service() {
        return service;
    }

    static RequestContext context() {
        return new RequestContext("req-1", new Principal("AKID", ACCOUNT, "tester"), REGION, "monitoring", "Op",
                "127.0.0.1", "test", START);
    }

    @SuppressWarnings("unchecked")
    <O> O call(Object request) {
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        return (O) handler.handle(context(), request);
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    void close() throws Exception {
        service.close();
        journal.close();
    }
}
