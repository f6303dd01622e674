package io.watchpost.cloudwatch.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesStoreTest {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final SeriesKey KEY = SeriesKey.of("111122223333", "us-east-1", "App", "Latency", Map.of("Host", "a"));

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    final ClockScheduler scheduler = new ClockScheduler(clock);
    TimeSeriesStore store;

    @BeforeEach
    void open() throws IOException {
        store = TimeSeriesStore.open(dir, clock, scheduler, TimeSeriesStoreConfig.defaults());
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private void put(Instant at, boolean highResolution, double... values) {
        store.put(KEY.accountId(), KEY.region(), List.of(new Datum("App", "Latency", Map.of("Host", "a"), "Milliseconds",
                at.toEpochMilli(), highResolution, values, null, Optional.empty())));
    }

    private NavigableMap<Long, Cell> minutes(Instant from, Instant to, int period) {
        return store.aggregate(KEY, Optional.empty(), from.getEpochSecond(), to.getEpochSecond(), period)
                .getOrDefault("Milliseconds", new java.util.TreeMap<>());
    }

    private void assertData(Instant minute, double count, double sum) {
        NavigableMap<Long, Cell> cells = minutes(minute, minute.plusSeconds(60), 60);
        assertThat(cells).containsOnlyKeys(minute.getEpochSecond());
        assertThat(cells.firstEntry().getValue().sampleCount()).isEqualTo(count);
        assertThat(cells.firstEntry().getValue().sum()).isEqualTo(sum);
    }

    @Test
    void aggregatesPerPeriodAndUnit() {
        Instant minute = NOW.minusSeconds(600);
        put(minute.plusSeconds(5), false, 1, 2, 3);
        put(minute.plusSeconds(50), false, 10);
        store.put(KEY.accountId(), KEY.region(), List.of(Datum.value("App", "Latency", Map.of("Host", "a"), "Seconds",
                minute.toEpochMilli(), false, 7)));
        assertData(minute, 4, 16);
        Cell cell = minutes(minute, minute.plusSeconds(60), 60).firstEntry().getValue();
        assertThat(cell.minimum()).isEqualTo(1);
        assertThat(cell.maximum()).isEqualTo(10);
        assertThat(store.aggregate(KEY, Optional.of("Seconds"), minute.getEpochSecond(),
                minute.plusSeconds(60).getEpochSecond(), 60)).containsOnlyKeys("Seconds");
    }

    @Test
    void closedStoreReopensWithEverything() throws IOException {
        Instant minute = NOW.minusSeconds(3600);
        put(minute, false, 4, 5);
        store.close();
        open();
        assertData(minute, 2, 9);
        assertThat(Files.list(dir.resolve("blocks")).count()).isEqualTo(1);
    }

    @Test
    void killNineLosesNothingAcknowledged() throws IOException {
        Instant minute = NOW.minusSeconds(120);
        put(minute, false, 1);
        store.flush(); // part in a block file ...
        put(minute, false, 2); // ... part only in the WAL
        TimeSeriesStore abandoned = store; // never closed: as if the process died
        open();
        assertData(minute, 2, 3);
        abandoned.toString();
    }

    @Test
    void tornWalTailIsCutAndEarlierDataKept() throws IOException {
        Instant minute = NOW.minusSeconds(120);
        put(minute, false, 1);
        put(minute, false, 2);
        TimeSeriesStore abandoned = store;
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            segment = files.filter(p -> p.toString().endsWith(".log"))
                    .findFirst().orElseGet(() -> anyFile(dir.resolve("wal")));
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 42, 1, 2, 3})); // a frame cut short by a crash
        }
        open();
        assertData(minute, 2, 3);
        put(minute, false, 3);
        assertData(minute, 3, 6);
        abandoned.toString();
    }

    private static Path anyFile(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void flushTrimsTheWalAndRestartReplaysOnlyTheRest() throws IOException {
        Instant minute = NOW.minusSeconds(300);
        for (int i = 0; i < 5; i++) {
            put(minute, false, i);
            clock.advance(Duration.ofMinutes(1));
            scheduler.runDue(); // flushes every minute
        }
        store.close();
        open();
        assertData(minute, 5, 10);
    }

    @Test
    void tiersAreRolledUpAndExpireAsCloudWatchKeepsThem() throws IOException {
        Instant second = NOW.minusSeconds(30);
        put(second, true, 1);
        put(second.plusSeconds(1), true, 3);
        long s = second.getEpochSecond();
        assertThat(store.aggregate(KEY, Optional.empty(), s, s + 2, 1).get("Milliseconds")).hasSize(2);
        clock.advance(Duration.ofHours(3).plusMinutes(2));
        scheduler.runDue();
        assertThat(store.aggregate(KEY, Optional.empty(), s, s + 2, 1)).isEmpty(); // 1 s data: 3 hours
        long minute = Math.floorDiv(s, 60) * 60;
        assertThat(store.aggregate(KEY, Optional.empty(), minute, minute + 60, 60).get("Milliseconds")
                .firstEntry().getValue().sum()).isEqualTo(4);
        clock.advance(Duration.ofDays(15));
        scheduler.runDue();
        assertThat(store.aggregate(KEY, Optional.empty(), minute, minute + 60, 60)).isEmpty(); // 1 min: 15 days
        long five = Math.floorDiv(s, 300) * 300;
        assertThat(store.aggregate(KEY, Optional.empty(), five, five + 300, 300)).isNotEmpty();
        clock.advance(Duration.ofDays(50));
        scheduler.runDue();
        assertThat(store.aggregate(KEY, Optional.empty(), five, five + 300, 300)).isEmpty(); // 5 min: 63 days
        long hour = Math.floorDiv(s, 3600) * 3600;
        assertThat(store.aggregate(KEY, Optional.empty(), hour, hour + 3600, 3600)).isNotEmpty();
        store.close();
        open(); // retention survives restart: compacted block files hold no expired cells
        assertThat(store.aggregate(KEY, Optional.empty(), five, five + 300, 300)).isEmpty();
        assertThat(store.aggregate(KEY, Optional.empty(), hour, hour + 3600, 3600).get("Milliseconds")
                .firstEntry().getValue().sampleCount()).isEqualTo(2);
        clock.advance(Duration.ofDays(400));
        scheduler.runDue();
        assertThat(store.series(KEY.accountId(), KEY.region())).isEmpty(); // 1 h: 455 days
    }

    @Test
    void lateDataDoesNotEnterTiersThatNoLongerKeepItsTime() {
        Instant old = NOW.minus(Duration.ofDays(10));
        put(old, true, 5);
        long s = old.getEpochSecond();
        assertThat(store.aggregate(KEY, Optional.empty(), s, s + 1, 1)).isEmpty();
        assertThat(store.aggregate(KEY, Optional.empty(), Math.floorDiv(s, 60) * 60, s + 60, 60)).isNotEmpty();
    }
}
