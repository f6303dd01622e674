package io.watchpost.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
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

/** A DashboardsService on a real journal in a temp directory and a hand-driven clock; reopen() is a restart. */
final class Harness {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    final MutableClock clock = new MutableClock(START);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private final Path dir;
    private StateJournal journal;
    private DashboardsService service;

    Harness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        journal = StateJournal.open(dir, Durability.PROCESS);
        service = new DashboardsService(journal, clock, tokens);
    }

    void reopen() throws Exception {
        journal.close();
        open();
    }

    DashboardsService service() {
        return service;
    }

    static RequestContext context(String account, String region) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), region, "monitoring", "Op",
                "127.0.0.1", "test", START);
    }

    /** Calls the handler the service registered for the request's class, in the default scope. */
    <O> O call(Object request) {
        return call(context(ACCOUNT, REGION), request);
    }

    @SuppressWarnings("unchecked")
    <O> O call(RequestContext context, Object request) {
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        return (O) handler.handle(context, request);
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    void close() throws Exception {
        journal.close();
    }
}
