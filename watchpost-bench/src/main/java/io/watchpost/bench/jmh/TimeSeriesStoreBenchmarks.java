package io.watchpost.bench.jmh;

import io.watchpost.cloudwatch.tsdb.Cell;
import io.watchpost.cloudwatch.tsdb.Datum;
import io.watchpost.cloudwatch.tsdb.SeriesKey;
import io.watchpost.cloudwatch.tsdb.Statistic;
import io.watchpost.cloudwatch.tsdb.StatisticEvaluator;
import io.watchpost.cloudwatch.tsdb.StatisticParser;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStoreConfig;
import io.watchpost.core.ClockScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The metrics time-series store in process, on a fresh temporary directory per trial (default config: WAL with
 * {@code process} durability; the flush and retention tasks are scheduled on a scheduler nobody runs, so they stay
 * out of the figures).
 *
 * <ul>
 *   <li>{@link #put20Datapoints}: one {@link TimeSeriesStore#put} of 20 datapoints (20 series, as a 20-metric
 *       PutMetricData call is), cycling through a day of minutes; the score is <b>datapoints/s</b>
 *       ({@code @OperationsPerInvocation(20)}).
 *   <li>{@link #p99OfOneDayByMinute}: {@link TimeSeriesStore#aggregate} of one series over one day at 60 s (1,440
 *       cells of 10 differing values each, so every cell carries a sketch) and {@code p99} of every cell: the
 *       store side of a GetMetricData p99 query.
 *   <li>{@link #p99OfOneDayWhole}: the same day as a single 86,400 s period (cells merged from the hour tier).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TimeSeriesStoreBenchmarks {
    private static final int SERIES = 20;
    private static final int MINUTES = 1_440;
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private Path directory;
    private TimeSeriesStore store;
    private List<List<Datum>> batches;
    private int next;
    private SeriesKey queried;
    private long daySecond;
    private Statistic p99;

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("watchpost-jmh-tsdb");
        Clock clock = Clock.systemUTC();
        store = TimeSeriesStore.open(directory, clock, new ClockScheduler(clock), TimeSeriesStoreConfig.defaults());
        long dayStart = (clock.millis() / 86_400_000L - 1) * 86_400_000L; // yesterday, 00:00 UTC
        daySecond = dayStart / 1000;
        batches = MetricPoints.minuteBatches(SERIES, MINUTES, dayStart, 42);
        seedDistributionSeries(dayStart);
        p99 = StatisticParser.parse("p99");
    }

    /** One series with 10 differing values per minute for the whole day: every cell has a quantile sketch. */
    private void seedDistributionSeries(long dayStart) {
        Map<String, String> dims = Map.of("Service", "percentiles");
        SplittableRandom random = new SplittableRandom(7);
        for (int m = 0; m < MINUTES; m++) {
            double[] values = new double[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round(random.nextDouble(1, 500) * 10) / 10.0;
            }
            store.put(ACCOUNT, REGION, List.of(new Datum(MetricPoints.NAMESPACE, "Latency", dims, "Milliseconds",
                    dayStart + m * 60_000L, false, values, null, Optional.empty())));
        }
        queried = SeriesKey.of(ACCOUNT, REGION, MetricPoints.NAMESPACE, "Latency", dims);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        TempDirs.delete(directory);
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void put20Datapoints() {
        List<Datum> batch = batches.get(next);
        next = next + 1 == MINUTES ? 0 : next + 1;
        store.put(ACCOUNT, REGION, batch);
    }

    @Benchmark
    public void p99OfOneDayByMinute(Blackhole sink) {
        Map<String, NavigableMap<Long, Cell>> cells =
                store.aggregate(queried, Optional.empty(), daySecond, daySecond + 86_400, 60);
        for (NavigableMap<Long, Cell> unit : cells.values()) {
            for (Cell cell : unit.values()) {
                sink.consume(StatisticEvaluator.evaluate(p99, cell));
            }
        }
    }

    @Benchmark
    public void p99OfOneDayWhole(Blackhole sink) {
        List<Cell> merged = new ArrayList<>(1);
        store.aggregate(queried, Optional.empty(), daySecond, daySecond + 86_400, 86_400)
                .values().forEach(unit -> merged.addAll(unit.values()));
        for (Cell cell : merged) {
            sink.consume(StatisticEvaluator.evaluate(p99, cell));
        }
    }
}
