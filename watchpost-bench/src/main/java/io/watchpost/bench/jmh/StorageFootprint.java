package io.watchpost.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.cloudwatch.tsdb.Datum;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStoreConfig;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.EncodedEvent;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.store.Durability;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes on disk per unit stored, measured in process on fresh temporary directories ({@code ./watchpost bench
 * --footprint}): a deterministic measurement, not a timing, so it is no JMH benchmark.
 *
 * <ul>
 *   <li><b>Metrics</b>: 100 series × 1,440 one-minute datapoints (one day), flushed, then compacted into one block
 *       file by {@link TimeSeriesStore#enforceRetention}; block-file bytes ÷ datapoints, set against the Gorilla
 *       paper's 1.37 bytes per point. The block file also holds the 5-minute and 1-hour roll-ups of every point.
 *   <li><b>Logs</b>: 100,000 space-delimited lines (the FilterLogEvents workload's) in batches of 5,000 into one
 *       stream; stored bytes (record-log segments and indexes, state journal) against raw message bytes, while
 *       the segment is live and after it is sealed (zstd) by the segment-age roll.
 * </ul>
 */
public final class StorageFootprint {
    static final int SERIES = 100;
    static final int MINUTES = 1_440;
    static final int EVENTS = 100_000;
    static final int BATCH = 5_000;
    static final double GORILLA_BYTES_PER_POINT = 1.37;

    private StorageFootprint() {}

    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    static void run(PrintStream out) throws IOException {
        Path root = Files.createTempDirectory("watchpost-footprint");
        try {
            metrics(root.resolve("metrics-0.1"), 0.1, "random walk, 0.1 steps", out);
            metrics(root.resolve("metrics-1"), 1, "random walk, integers", out);
            metrics(root.resolve("metrics-const"), 0, "constant per series", out);
            logs(root.resolve("logs"), out);
        } finally {
            TempDirs.delete(root);
        }
    }

    static void metrics(Path directory, double step, String dataset, PrintStream out) throws IOException {
        Instant dayStart = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(dayStart.plus(Duration.ofDays(1)));
        List<List<Datum>> batches = MetricPoints.minuteBatches(SERIES, MINUTES, dayStart.toEpochMilli(), 42,
                step);
        try (TimeSeriesStore store = TimeSeriesStore.open(directory, clock, new ClockScheduler(clock),
                TimeSeriesStoreConfig.defaults())) {
            for (List<Datum> batch : batches) {
                store.put("000000000000", "us-east-1", batch);
            }
            store.flush();
            store.enforceRetention(); // folds the block files into one
            long points = (long) SERIES * MINUTES;
            long blockBytes = TempDirs.bytes(directory.resolve("blocks"));
            out.printf("metrics (%s): %,d series x %,d one-minute points = %,d points; block files after compaction "
                    + "%,d bytes = %.2f bytes/point (Gorilla paper: %.2f; ratio %.2fx); WAL %,d bytes%n",
                    dataset, SERIES, MINUTES, points, blockBytes, (double) blockBytes / points, GORILLA_BYTES_PER_POINT,
                    (double) blockBytes / points / GORILLA_BYTES_PER_POINT, TempDirs.bytes(directory.resolve("wal")));
        }
    }

    static void logs(Path directory, PrintStream out) throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Scope scope = new Scope("000000000000", "us-east-1");
        LogGroupInfo group = new LogGroupInfo("/bench/footprint", clock.millis(), Optional.empty());
        long rawBytes = 0;
        try (StateJournal journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
             LogEventStore store = new LogEventStore(journal, directory,
                     RecordLogConfig.defaults().withClock(clock))) {
            store.createStream(scope, group, "app", clock.millis());
            for (int from = 0; from < EVENTS; from += BATCH) {
                List<EncodedEvent> events = new ArrayList<>(BATCH);
                for (int i = from; i < from + BATCH; i++) {
                    byte[] message = LogLines.spaceDelimited(i).getBytes(UTF_8);
                    rawBytes += message.length;
                    events.add(new EncodedEvent(clock.millis() + i * 10L, message));
                }
                store.append(scope, group, "app", clock.millis(), events);
            }
            long live = TempDirs.bytes(directory);
            // Past the segment age, the next append rolls the segment, which seals (compresses) it.
            clock.advance(Duration.ofHours(2));
            byte[] one = "x".getBytes(UTF_8);
            store.append(scope, group, "app", clock.millis(), List.of(new EncodedEvent(clock.millis(), one)));
            long sealed = TempDirs.bytes(directory);
            out.printf("logs: %,d events, %,d raw message bytes; stored %,d bytes live (%.2fx raw), "
                    + "%,d bytes after the segment is sealed (%.3fx raw, %.1f:1)%n", EVENTS, rawBytes, live,
                    (double) live / rawBytes, sealed, (double) sealed / rawBytes, (double) rawBytes / sealed);
        }
    }
}
