package io.watchpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockSchedulerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ClockScheduler scheduler = new ClockScheduler(clock);

    @Test
    void runsTasksWhenTheClockReachesThemInTimeOrder() {
        List<String> runs = new ArrayList<>();
        scheduler.schedule("b", clock.instant().plusSeconds(20), Duration.ofMinutes(1), () -> runs.add("b"));
        scheduler.schedule("a", clock.instant().plusSeconds(10), Duration.ofMinutes(1), () -> runs.add("a"));
        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(scheduler.runDue()).isEqualTo(2);
        assertThat(runs).containsExactly("a", "b");
        clock.advance(Duration.ofSeconds(40));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(runs).containsExactly("a", "b", "a");
    }

    @Test
    void aLateTaskRunsOnceAndCancelledTasksNeverRun() {
        List<String> runs = new ArrayList<>();
        scheduler.schedule("late", clock.instant(), Duration.ofSeconds(1), () -> runs.add("late"));
        Scheduler.Cancellable gone = scheduler.schedule("gone", clock.instant(), Duration.ofSeconds(1),
                () -> runs.add("gone"));
        gone.cancel();
        clock.advance(Duration.ofHours(1));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(runs).containsExactly("late");
    }

    @Test
    void runSoonMakesATaskDueNowWakesTheDriverAndRestartsItsPeriod() {
        List<String> runs = new ArrayList<>();
        List<String> wakes = new ArrayList<>();
        scheduler.onWake(() -> wakes.add("wake"));
        var outbox = scheduler.schedule("outbox", clock.instant().plusSeconds(60), Duration.ofMinutes(1),
                () -> runs.add("outbox"));
        scheduler.schedule("other", clock.instant().plusSeconds(30), Duration.ofMinutes(1), () -> runs.add("other"));

        outbox.runSoon();
        assertThat(wakes).hasSize(1);
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(runs).containsExactly("outbox");

        clock.advance(Duration.ofSeconds(59));
        scheduler.runDue();
        assertThat(runs).as("next run a period after the early one").containsExactly("outbox", "other");
        clock.advance(Duration.ofSeconds(1));
        scheduler.runDue();
        assertThat(runs).containsExactly("outbox", "other", "outbox");

        outbox.cancel();
        outbox.runSoon();
        assertThat(wakes).as("a cancelled task does not wake the driver").hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        scheduler.runDue();
        assertThat(runs).filteredOn("outbox"::equals).as("never again after cancel").hasSize(2);
        assertThat(runs).filteredOn("other"::equals).hasSizeGreaterThan(1);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        List<String> runs = new ArrayList<>();
        scheduler.schedule("boom", clock.instant(), Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        scheduler.schedule("ok", clock.instant(), Duration.ofSeconds(1), () -> runs.add("ok"));
        assertThat(scheduler.runDue()).isEqualTo(2);
        assertThat(runs).containsExactly("ok");
    }
}
