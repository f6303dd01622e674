package io.watchpost.bench.jmh;

import io.watchpost.cloudwatch.alarms.AlarmStateListener;
import io.watchpost.cloudwatch.alarms.AlarmsService;
import io.watchpost.cloudwatch.metrics.MetricsService;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * One evaluation pass of the alarm engine over {@link #alarms} metric alarms (each on its own series of a real
 * metrics store on a fresh temp directory): the clock moves to the next minute and the scheduler runs the alarm
 * tick, which evaluates every alarm (its 60 s slot changed). The score is <b>ms per pass</b>, to hold against
 * CloudWatch's 60 s evaluation budget.
 *
 * <p>Single-shot passes (5 warm-up, 20 measured), each one minute after the last, over data seeded for every minute
 * they reach: every pass sees a changed slot and complete data, so the figure is the steady state (no transitions,
 * nothing written; the first pass, in setup, takes every alarm out of INSUFFICIENT_DATA). Nine in ten
 * alarms use {@code Average} over 3 of 3 periods, one in ten {@code p99} with DatapointsToAlarm 2 of 3. The metrics
 * store's own flush and retention tasks run on a scheduler nobody drives, so they stay out of the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = AlarmEvaluationBenchmarks.WARMUPS)
@Measurement(iterations = AlarmEvaluationBenchmarks.PASSES)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AlarmEvaluationBenchmarks {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";
    static final int WARMUPS = 5;
    static final int PASSES = 20;
    /** Evaluation looks back 5 minutes (3 periods + 2); the passes run to minute 8 + 1 + WARMUPS + PASSES. */
    private static final int MINUTES_OF_DATA = 8 + 2 + WARMUPS + PASSES + 2;

    @Param({"1000", "5000", "10000"})
    public int alarms;

    private Path directory;
    private StateJournal journal;
    private MetricsService metrics;
    private MutableClock clock;
    private ClockScheduler scheduler;

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("watchpost-jmh-alarms");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        clock = new MutableClock(start);
        journal = StateJournal.open(directory.resolve("journal"), Durability.PROCESS);
        PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        metrics = new MetricsService(journal, directory.resolve("metrics"), clock, new ClockScheduler(clock), tokens);
        scheduler = new ClockScheduler(clock);
        AlarmsService service = new AlarmsService(journal, metrics.dataSource(), clock, scheduler, tokens,
                AlarmStateListener.NONE);
        seed(service, start);
        // First pass: every alarm leaves INSUFFICIENT_DATA once (the only writes); later passes hold state.
        clock.set(start.plusSeconds(8 * 60L + 5));
        scheduler.runDue();
        checkSteadyState(service);
    }

    private void seed(AlarmsService service, Instant start) {
        RequestContext context = new RequestContext("bench", new Principal("AKID", ACCOUNT, "bench"), REGION,
                "monitoring", "PutMetricAlarm", "127.0.0.1", "jmh", start);
        var put = service.handlers().find(PutMetricAlarmRequest.class).orElseThrow();
        for (int i = 0; i < alarms; i++) {
            Map<String, String> dims = Map.of("Host", "host-" + i);
            List<MetricDatum> data = new ArrayList<>();
            for (int m = 0; m < MINUTES_OF_DATA; m++) {
                data.add(new MetricDatum("Bench", "Latency", dims, start.plusSeconds(m * 60L + 1), 10 + (i + m) % 7,
                        Optional.of("Milliseconds")));
            }
            metrics.sink().put(new io.watchpost.core.Scope(ACCOUNT, REGION), data);
            boolean percentile = i % 10 == 0;
            put.handle(context, PutMetricAlarmRequest.builder().alarmName("alarm-" + i).namespace("Bench")
                    .metricName("Latency").dimensions(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                            .name("Host").value("host-" + i).build())
                    .statistic(percentile ? null : "Average").extendedStatistic(percentile ? "p99" : null)
                    .period(60).evaluationPeriods(3).datapointsToAlarm(percentile ? 2 : 3).threshold(100.0)
                    .comparisonOperator("GreaterThanThreshold").build());
        }
    }

    /** The figures mean something only if the alarms saw their data: the first of each kind must be OK. */
    private static void checkSteadyState(AlarmsService service) {
        RequestContext context = new RequestContext("bench", new Principal("AKID", ACCOUNT, "bench"), REGION,
                "monitoring", "DescribeAlarms", "127.0.0.1", "jmh", Instant.EPOCH);
        Object response = service.handlers().find(DescribeAlarmsRequest.class).orElseThrow().handle(context,
                DescribeAlarmsRequest.builder().alarmNames("alarm-0", "alarm-1").stateValue("OK").build());
        if (((DescribeAlarmsResponse) response).metricAlarms().size() != 2) {
            throw new IllegalStateException("alarms did not reach OK: " + response);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        metrics.close();
        journal.close();
        TempDirs.delete(directory);
    }

    /** One evaluation pass over every alarm. */
    @Benchmark
    public void evaluationPass() {
        clock.advance(java.time.Duration.ofSeconds(60));
        scheduler.runDue();
    }
}
