package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Schedule rules keep their phase across restarts: a restart is a new journal, service and scheduler on the same
 * directory, with the hand-driven clock carrying on. Each delivered Scheduled Event records the time it fired.
 */
class RuleSchedulesTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(START);
    private final List<Instant> fired = new ArrayList<>();
    private final DeliveryQueue queue = new DeliveryQueue((scope, rule, target, payload) -> fired.add(time(payload)),
            100);
    private StateJournal journal;
    private ClockScheduler scheduler;
    private EventRulesService service;

    private void start() throws IOException {
        journal = StateJournal.open(directory, Durability.PROCESS);
        scheduler = new ClockScheduler(clock);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 1);
        service = new EventRulesService(journal, clock, new PageTokens(key), queue, new Random(5), scheduler);
    }

    private void restart() throws IOException {
        journal.close();
        start();
    }

    @AfterEach
    void tearDown() throws IOException {
        journal.close();
    }

    private void scheduleRule(String expression) {
        service.putRule(EventRulesServiceTest.CTX, PutRuleRequest.builder().name("tick").scheduleExpression(expression)
                .build());
        new TargetOperations(service).putTargets(EventRulesServiceTest.CTX, PutTargetsRequest.builder().rule("tick")
                .targets(Target.builder().id("t").arn("arn:aws:sqs:us-east-1:000000000000:q").build()).build());
    }

    /** Moves the clock to {@code at} and runs what is due there. */
    private void runAt(String at) {
        clock.set(Instant.parse(at));
        scheduler.runDue();
        queue.deliverPending();
    }

    @Test
    void aRateKeepsItsPhaseAcrossARestart() throws IOException {
        start();
        clock.set(Instant.parse("2025-03-01T12:00:20Z"));
        scheduleRule("rate(5 minutes)");
        runAt("2025-03-01T12:05:20Z");
        runAt("2025-03-01T12:07:00Z");
        restart();
        runAt("2025-03-01T12:10:00Z");
        runAt("2025-03-01T12:10:20Z");
        runAt("2025-03-01T12:12:00Z");
        runAt("2025-03-01T12:15:20Z");
        assertThat(fired).containsExactly(Instant.parse("2025-03-01T12:05:20Z"), Instant.parse("2025-03-01T12:10:20Z"),
                Instant.parse("2025-03-01T12:15:20Z"));
    }

    @Test
    void slotsMissedWhileDownFireOnceThenThePhaseResumes() throws IOException {
        start();
        clock.set(Instant.parse("2025-03-01T12:00:20Z"));
        scheduleRule("rate(5 minutes)");
        runAt("2025-03-01T12:05:20Z");
        journal.close();
        clock.set(Instant.parse("2025-03-01T12:21:00Z"));
        start();
        runAt("2025-03-01T12:21:00Z");
        runAt("2025-03-01T12:25:00Z");
        runAt("2025-03-01T12:25:20Z");
        assertThat(fired).containsExactly(Instant.parse("2025-03-01T12:05:20Z"), Instant.parse("2025-03-01T12:21:00Z"),
                Instant.parse("2025-03-01T12:25:20Z"));
    }

    @Test
    void aCronMinuteNeverFiresTwiceAcrossARestart() throws IOException {
        start();
        scheduleRule("cron(5 * * * ? *)");
        runAt("2025-03-01T12:05:00Z");
        clock.set(Instant.parse("2025-03-01T12:05:30Z"));
        restart();
        runAt("2025-03-01T12:05:30Z");
        runAt("2025-03-01T12:06:00Z");
        runAt("2025-03-01T13:05:00Z");
        assertThat(fired).containsExactly(Instant.parse("2025-03-01T12:05:00Z"), Instant.parse("2025-03-01T13:05:00Z"));
    }

    @Test
    void aCronMinuteMissedWhileDownFiresOnRestart() throws IOException {
        start();
        scheduleRule("cron(5 * * * ? *)");
        runAt("2025-03-01T12:04:50Z");
        journal.close();
        clock.set(Instant.parse("2025-03-01T12:05:20Z"));
        start();
        runAt("2025-03-01T12:05:20Z");
        runAt("2025-03-01T12:06:00Z");
        assertThat(fired).containsExactly(Instant.parse("2025-03-01T12:05:20Z"));
    }

    @Test
    void disablingForgetsThePhaseAndEnablingStartsANewOne() throws IOException {
        start();
        scheduleRule("rate(5 minutes)");
        runAt("2025-03-01T12:01:00Z");
        service.setState(EventRulesServiceTest.CTX, "tick", null, RuleRecord.DISABLED);
        service.setState(EventRulesServiceTest.CTX, "tick", null, RuleRecord.ENABLED);
        runAt("2025-03-01T12:05:00Z");
        runAt("2025-03-01T12:06:00Z");
        assertThat(fired).containsExactly(Instant.parse("2025-03-01T12:06:00Z"));
        assertThat(journal.table("events.rule-schedules", ScheduleState.class).size()).isEqualTo(1);
        service.deleteRule(EventRulesServiceTest.CTX, software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest
                .builder().name("tick").force(true).build());
        assertThat(journal.table("events.rule-schedules", ScheduleState.class).size()).isZero();
    }

    private static Instant time(String payload) {
        try {
            return Instant.parse(JSON.readTree(payload).path("time").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
