package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.cloudwatch.metrics.MetricsService;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * A real MetricsService and AlarmsService on one journal in a temp directory, a hand-driven clock and scheduler, and
 * a listener that records state changes; reopen() is a restart.
 */
final class AlarmsHarness {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final software.amazon.awssdk.services.cloudwatch.model.Dimension HOST =
            software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("Host").value("a").build();
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    final List<AlarmStateChange> changes = new CopyOnWriteArrayList<>();
    /** Actions an alarm mute rule held back and released later. */
    final List<AlarmStateChange> released = new CopyOnWriteArrayList<>();
    private final AlarmStateListener listener = new AlarmStateListener() {
        @Override
        public void stateChanged(AlarmStateChange change) {
            changes.add(change);
        }

        @Override
        public void actionsReleased(AlarmStateChange change) {
            released.add(change);
        }
    };
    private final Path dir;
    ClockScheduler scheduler;
    private StateJournal journal;
    private MetricsService metrics;
    private AlarmsService alarms;
    private ApiHandlers handlers;

    AlarmsHarness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        scheduler = new ClockScheduler(clock);
        journal = StateJournal.open(dir.resolve("journal"), Durability.PROCESS);
        metrics = new MetricsService(journal, dir.resolve("metrics"), clock, scheduler, tokens);
        alarms = new AlarmsService(journal, metrics.dataSource(), clock, scheduler, tokens, listener);
        handlers = ApiHandlers.merge(List.of(metrics.handlers(), alarms.handlers()));
    }

    void reopen() throws Exception {
        close();
        open();
    }

    void close() throws Exception {
        metrics.close();
        journal.close();
    }

    AlarmsService alarms() {
        return alarms;
    }

    static RequestContext context() {
        return new RequestContext("req-1", new Principal("AKID", ACCOUNT, "tester"), REGION, "monitoring", "Op",
                "127.0.0.1", "test", START);
    }

    @SuppressWarnings("unchecked")
    <O> O call(Object request) {
        ApiHandler<Object, Object> handler = handlers.find(request.getClass()).orElseThrow();
        return (O) handler.handle(context(), request);
    }

    /** Puts one datapoint of Test/Latency (dimension Host=a), standard or high resolution. */
    void put(String metric, double value, Instant at, boolean highResolution) {
        call(PutMetricDataRequest.builder().namespace("Test").metricData(MetricDatum.builder().metricName(metric)
                .dimensions(HOST).value(value).timestamp(at)
                .storageResolution(highResolution ? 1 : 60).build()).build());
    }

    /** Moves the clock to {@code at} in 10-second steps, running due work at each step (as the real ticker would). */
    void runUntil(Instant at) {
        while (clock.instant().isBefore(at)) {
            Instant next = clock.instant().plus(Duration.ofSeconds(10));
            clock.set(next.isAfter(at) ? at : next);
            scheduler.runDue();
        }
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
