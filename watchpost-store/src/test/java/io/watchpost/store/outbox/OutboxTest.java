package io.watchpost.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final List<String> sent = new ArrayList<>();
    final List<Outbox.DeadLetter> dead = new ArrayList<>();
    int failuresLeft;

    Outbox open(ClockScheduler scheduler, Outbox.Config config) throws Exception {
        return Outbox.open(dir, config, clock, new SplittableRandom(7), scheduler, item -> {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("down");
            }
            sent.add(item.destination() + ":" + new String(item.payload(), StandardCharsets.UTF_8));
        }, dead::add);
    }

    Outbox open(ClockScheduler scheduler) throws Exception {
        return open(scheduler, Outbox.Config.defaults());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deliversOnTheNextPass() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        try (Outbox outbox = open(scheduler)) {
            outbox.enqueue("a", bytes("one"), new RetryPolicy(3, Duration.ofHours(1)));
            outbox.enqueue("b", bytes("two"), new RetryPolicy(3, Duration.ofHours(1)));
            scheduler.runDue();
            assertThat(sent).containsExactly("a:one", "b:two");
            assertThat(outbox.pending()).isZero();
        }
    }

    @Test
    void withItsOwnThreadASlowDestinationDoesNotHoldUpTheScheduler() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch delivered = new java.util.concurrent.CountDownLatch(1);
        List<String> otherWork = new ArrayList<>();
        scheduler.schedule("alarm evaluation", clock.instant(), Duration.ofSeconds(10), () -> otherWork.add("ran"));
        try (Outbox outbox = Outbox.open(dir, Outbox.Config.defaults().withOwnThread(), clock, new SplittableRandom(7),
                scheduler, item -> {
                    started.countDown();
                    release.await();  // a destination that takes its whole HTTP timeout
                    delivered.countDown();
                }, dead::add)) {
            outbox.enqueue("slow", bytes("x"), new RetryPolicy(3, Duration.ofHours(1)));
            scheduler.runDue();  // queues the pass on the outbox's thread and returns
            assertThat(otherWork).containsExactly("ran");
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofSeconds(10));
            scheduler.runDue();  // the send is still blocked; the scheduler's other work is not
            assertThat(otherWork).containsExactly("ran", "ran");
            release.countDown();
            assertThat(delivered.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeStopsAPassBeforeItsNextSendAndTheRestStayDue() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        Outbox[] self = new Outbox[1];
        Thread[] closer = new Thread[1];
        Outbox outbox = Outbox.open(dir, Outbox.Config.defaults(), clock, new SplittableRandom(7), scheduler,
                item -> {
                    sent.add(item.destination());
                    if (closer[0] == null) {
                        // The server shuts down while this (possibly slow) send is in flight.
                        closer[0] = Thread.ofPlatform().start(() -> {
                            try {
                                self[0].close();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                        for (int i = 0; i < 30_000 && !self[0].closing(); i++) {
                            Thread.sleep(1);
                        }
                        assertThat(self[0].closing()).isTrue();
                    }
                }, dead::add);
        self[0] = outbox;
        outbox.enqueue("a", bytes("1"), new RetryPolicy(3, Duration.ofHours(1)));
        outbox.enqueue("b", bytes("2"), new RetryPolicy(3, Duration.ofHours(1)));
        outbox.enqueue("c", bytes("3"), new RetryPolicy(3, Duration.ofHours(1)));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        closer[0].join();
        assertThat(sent).as("no send after close began").containsExactly("a");
        assertThat(outbox.deliverDue()).as("a closed outbox makes no pass").isZero();

        sent.clear();
        try (Outbox reopened = open(scheduler)) {
            reopened.deliverDue();
            assertThat(sent).containsExactly("b:2", "c:3");
        }
    }

    @Test
    void retriesWithBackoffThenDeadLetters() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        failuresLeft = 100;
        try (Outbox outbox = open(scheduler)) {
            outbox.enqueue("a", bytes("x"), new RetryPolicy(3, Duration.ofHours(1)));
            assertThat(outbox.deliverDue()).isEqualTo(1);
            assertThat(outbox.deliverDue()).as("backing off").isZero();
            for (int i = 0; i < 20 && dead.isEmpty(); i++) {
                clock.advance(Duration.ofSeconds(10));
                outbox.deliverDue();
            }
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo(Outbox.Exhausted.MAXIMUM_RETRY_ATTEMPTS);
                assertThat(letter.attempts()).isEqualTo(3);
            });
            assertThat(outbox.pending()).isZero();
        }
    }

    @Test
    void tooOldItemsAreDeadLettered() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        failuresLeft = 1;
        try (Outbox outbox = open(scheduler)) {
            outbox.enqueue("a", bytes("x"), new RetryPolicy(185, Duration.ofSeconds(60)));
            outbox.deliverDue();
            clock.advance(Duration.ofMinutes(2));
            outbox.deliverDue();
            assertThat(sent).isEmpty();
            assertThat(dead).singleElement().extracting(Outbox.DeadLetter::reason)
                    .isEqualTo(Outbox.Exhausted.MAXIMUM_EVENT_AGE);
        }
    }

    @Test
    void permanentFailuresSkipRetries() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        try (Outbox outbox = Outbox.open(dir, Outbox.Config.defaults(), clock, new SplittableRandom(1), scheduler,
                item -> { throw new PermanentFailureException("ResourceNotFound", "gone"); }, dead::add)) {
            outbox.enqueue("a", bytes("x"), new RetryPolicy(185, Duration.ofDays(1)));
            outbox.deliverDue();
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo(Outbox.Exhausted.NOT_RETRYABLE);
                assertThat(letter.errorCode()).isEqualTo("ResourceNotFound");
            });
        }
    }

    @Test
    void restartMidRetryResumesWithAttemptsKept() throws Exception {
        failuresLeft = 1;
        try (Outbox outbox = open(new ClockScheduler(clock))) {
            outbox.enqueue("done", bytes("1"), new RetryPolicy(5, Duration.ofHours(1)));
            outbox.deliverDue(); // fails once: attempts 1
            outbox.enqueue("later", bytes("2"), new RetryPolicy(2, Duration.ofHours(1)));
        }
        failuresLeft = 1;
        ClockScheduler scheduler = new ClockScheduler(clock);
        try (Outbox outbox = open(scheduler)) {
            assertThat(outbox.pending()).isEqualTo(2);
            clock.advance(Duration.ofMinutes(1));
            scheduler.runDue(); // "done" succeeds or fails; "later" the other way
            clock.advance(Duration.ofMinutes(1));
            scheduler.runDue();
            assertThat(sent).containsExactlyInAnyOrder("done:1", "later:2");
            assertThat(outbox.pending()).isZero();
        }
        try (Outbox outbox = open(new ClockScheduler(clock))) {
            outbox.deliverDue();
            assertThat(outbox.pending()).isZero();
            assertThat(sent).hasSize(2);
        }
    }

    @Test
    void holdsAtMostTheWindowInMemory() throws Exception {
        ClockScheduler scheduler = new ClockScheduler(clock);
        try (Outbox outbox = open(scheduler, new Outbox.Config(2, Duration.ofSeconds(1),
                io.watchpost.store.Durability.PROCESS))) {
            for (int i = 0; i < 5; i++) {
                outbox.enqueue("d", bytes(Integer.toString(i)), new RetryPolicy(1, Duration.ofHours(1)));
            }
            assertThat(outbox.deliverDue()).isEqualTo(2);
            assertThat(outbox.deliverDue()).isEqualTo(2);
            assertThat(outbox.deliverDue()).isEqualTo(1);
            assertThat(sent).containsExactly("d:0", "d:1", "d:2", "d:3", "d:4");
        }
    }
}
