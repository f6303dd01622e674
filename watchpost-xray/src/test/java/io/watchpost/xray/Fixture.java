package io.watchpost.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A real state journal in a temporary directory, a hand-driven clock and request contexts for tests. */
public final class Fixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    public static final PageTokens PAGE_TOKENS = new PageTokens(pageKey());

    public final Path directory;
    public final MutableClock clock = new MutableClock(START);
    public StateJournal journal;

    public Fixture(Path directory) throws IOException {
        this.directory = directory;
        this.journal = StateJournal.open(directory, Durability.PROCESS);
    }

    /** Closes and reopens the journal, as a restart of the server would. */
    public void restart() throws IOException {
        journal.close();
        journal = StateJournal.open(directory, Durability.PROCESS);
    }

    public static RequestContext context(String service, String operation) {
        return context("000000000000", "us-east-1", service, operation);
    }

    public static RequestContext context(String account, String region, String service, String operation) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), region, service, operation,
                "127.0.0.1", "test", START);
    }

    public static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    private static byte[] pageKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }
}
