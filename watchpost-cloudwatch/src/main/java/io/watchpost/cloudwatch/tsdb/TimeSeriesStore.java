package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.port.Scheduler;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The metrics time-series store (ARCHITECTURE §4): datapoints aggregated on arrival into {@link Cell}s per series,
 * unit, {@link Tier} and period, all held in memory; a write-ahead {@link RecordLog} ({@code wal/}) makes every
 * acknowledged put durable, and block files ({@code blocks/}) hold the cells written since the previous flush,
 * column-encoded. Format and recovery: {@code docs/formats/metrics-store.md}.
 *
 * <p><b>Durability.</b> {@link #put} returns after its WAL record is written per the configured durability, and
 * only then applies the datapoints. A flush writes the changed cells with the WAL offset they cover, then deletes
 * WAL segments older than that; {@link #open} loads the block files in order and replays the WAL from the newest
 * file's offset, so a kill -9 at any moment loses nothing acknowledged.
 *
 * <p><b>Thread-safety.</b> Puts of different series run in parallel (a shared lock, WAL appends serialized, cells
 * guarded by their series); a flush takes the exclusive lock only to capture changed cells. Reads lock one series
 * at a time.
 *
 * <p><b>Background work</b> runs on the injected {@link Scheduler}: a flush every {@code flushInterval}, retention
 * (drop expired cells per tier, compact block files) every {@code retentionInterval}.
 */
public final class TimeSeriesStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimeSeriesStore.class.getName());
    private static final byte[] NO_KEY = new byte[0];

    private final Clock clock;
    private final TimeSeriesStoreConfig config;
    private final RecordLog wal;
    private final BlockFiles blocks;
    private final ConcurrentHashMap<SeriesKey, Series> series = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    private final Object walOrder = new Object();
    private final Object diskLock = new Object();
    private final List<Scheduler.Cancellable> tasks = new ArrayList<>();
    private long lastWalTimestamp; // guarded by walOrder
    private long checkpointOffset; // guarded by diskLock
    private long nextSequence; // guarded by diskLock
    private boolean closed; // guarded by diskLock

    private TimeSeriesStore(Path directory, Clock clock, TimeSeriesStoreConfig config) throws IOException {
        this.clock = clock;
        this.config = config;
        this.blocks = new BlockFiles(directory.resolve("blocks"));
        this.wal = RecordLog.open(directory.resolve("wal"), RecordLogConfig.defaults()
                .withDurability(config.durability()).withClock(clock)
                .withSegmentBytes(config.walSegmentBytes()).withSegmentAge(config.walSegmentAge()));
        try {
            StoreRecovery.Recovered recovered = StoreRecovery.recover(blocks, wal, series, clock.millis());
            this.checkpointOffset = recovered.checkpointOffset();
            this.lastWalTimestamp = recovered.lastWalTimestamp();
            this.nextSequence = blocks.nextSequence();
        } catch (IOException | RuntimeException e) {
            wal.close();
            throw e;
        }
    }

    /** Opens (creating {@code directory} if needed), recovers, and schedules flush and retention. */
    public static TimeSeriesStore open(Path directory, Clock clock, Scheduler scheduler, TimeSeriesStoreConfig config)
            throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(config, "config is null");
        Files.createDirectories(directory);
        TimeSeriesStore store = new TimeSeriesStore(directory, clock, config);
        store.tasks.add(scheduler.schedule("cloudwatch-metrics-flush", clock.instant().plus(config.flushInterval()),
                config.flushInterval(), store::flushQuietly));
        store.tasks.add(scheduler.schedule("cloudwatch-metrics-retention",
                clock.instant().plus(config.retentionInterval()), config.retentionInterval(),
                store::retentionQuietly));
        return store;
    }

    /**
     * Durably logs, then aggregates, the datums of one call. The hot path: one WAL record per call, then per datum
     * one series lookup and one cell update per tier.
     */
    public void put(String accountId, String region, List<Datum> data) {
        if (data.isEmpty()) {
            return;
        }
        byte[] record = WalCodec.encode(accountId, region, data);
        stateLock.readLock().lock();
        try {
            long arrival;
            synchronized (walOrder) {
                // Monotonic, so "segment older than the checkpoint's newest record" means "covered by it".
                arrival = Math.max(clock.millis(), lastWalTimestamp);
                wal.append(arrival, NO_KEY, record);
                lastWalTimestamp = arrival;
            }
            apply(series, accountId, region, data, arrival, clock.millis());
        } catch (IOException e) {
            throw new UncheckedIOException("metrics write-ahead log append failed", e);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    static void apply(Map<SeriesKey, Series> series, String accountId, String region, List<Datum> data,
            long arrivalMillis, long nowMillis) {
        for (Datum datum : data) {
            SeriesKey key = SeriesKey.of(accountId, region, datum.namespace(), datum.metricName(),
                    datum.dimensions());
            series.computeIfAbsent(key, Series::new).apply(datum, arrivalMillis, nowMillis);
        }
    }

    /**
     * Per unit (all units, or only {@code unit}), the merged cell of every period {@code [b, b + period)} that has
     * data, {@code b = startSecond + k * period < endSecond}, keyed by {@code b}. Periods are read from the coarsest
     * tier whose resolution divides both the period and {@code startSecond}; cells that tier no longer keeps are
     * not seen, so data older than a tier's retention is only visible at coarser periods, as in CloudWatch.
     */
    public Map<String, NavigableMap<Long, Cell>> aggregate(SeriesKey key, Optional<String> unit, long startSecond,
            long endSecond, int periodSeconds) {
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        Series found = series.get(key);
        if (found == null || endSecond <= startSecond) {
            return Map.of();
        }
        Tier tier = tierFor(startSecond, periodSeconds);
        long from = Math.max(startSecond, tier.oldestKept(clock.millis()));
        return found.aggregate(unit, tier, startSecond, from, endSecond, periodSeconds);
    }

    static Tier tierFor(long startSecond, int periodSeconds) {
        Tier[] tiers = Tier.values();
        for (int i = tiers.length - 1; i > 0; i--) {
            int r = tiers[i].seconds();
            if (periodSeconds % r == 0 && Math.floorMod(startSecond, r) == 0) {
                return tiers[i];
            }
        }
        return Tier.SECOND;
    }

    /** A series and when it last received a datapoint. */
    public record SeriesInfo(SeriesKey key, long lastArrivalMillis) {}

    /** Every series of the account and region, in no particular order. */
    public List<SeriesInfo> series(String accountId, String region) {
        List<SeriesInfo> result = new ArrayList<>();
        for (Series candidate : series.values()) {
            SeriesKey key = candidate.key;
            if (key.accountId().equals(accountId) && key.region().equals(region)) {
                result.add(new SeriesInfo(key, candidate.lastArrivalMillis()));
            }
        }
        return result;
    }

    /** Writes the cells changed since the last flush to a new block file and trims the WAL it covers. */
    public void flush() throws IOException {
        synchronized (diskLock) {
            if (closed) {
                return;
            }
            List<BlockSection> sections = new ArrayList<>();
            long walOffset;
            long walTimestamp;
            stateLock.writeLock().lock();
            try {
                walOffset = wal.nextOffset();
                synchronized (walOrder) {
                    walTimestamp = lastWalTimestamp;
                }
                for (Series each : series.values()) {
                    sections.addAll(each.snapshot(true));
                }
            } finally {
                stateLock.writeLock().unlock();
            }
            if (sections.isEmpty() && walOffset == checkpointOffset) {
                return;
            }
            writeBlock(walOffset, sections);
            wal.deleteSegmentsOlderThan(walTimestamp);
            if (blocks.list().size() > config.compactAfterFiles()) {
                compact();
            }
        }
    }

    private void writeBlock(long walOffset, List<BlockSection> sections) throws IOException {
        try {
            blocks.write(nextSequence, BlockCodec.encode(walOffset, sections));
        } catch (IOException | RuntimeException e) {
            // The captured cells are no longer marked changed: mark everything, so the next flush retries them.
            series.values().forEach(Series::markAllDirty);
            throw e;
        }
        nextSequence++;
        checkpointOffset = walOffset;
    }

    /** Drops cells every tier has outlived, then compacts the block files into one without them. */
    public void enforceRetention() throws IOException {
        long now = clock.millis();
        series.values().removeIf(each -> !each.dropExpired(now));
        synchronized (diskLock) {
            if (!closed) {
                compact();
            }
        }
    }

    /** Folds every block file into one (later files win per cell), without expired cells; under diskLock. */
    private void compact() throws IOException {
        List<Path> files = blocks.list();
        if (files.isEmpty()) {
            return;
        }
        Map<SeriesKey, Series> folded = new java.util.HashMap<>();
        long walOffset = StoreRecovery.loadBlocks(files, folded);
        long now = clock.millis();
        folded.values().removeIf(each -> !each.dropExpired(now));
        List<BlockSection> sections = new ArrayList<>();
        for (Series each : folded.values()) {
            sections.addAll(each.snapshot(false));
        }
        blocks.write(nextSequence++, BlockCodec.encode(walOffset, sections));
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "metrics flush failed; the WAL keeps the data", e);
        }
    }

    private void retentionQuietly() {
        try {
            enforceRetention();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "metrics retention failed", e);
        }
    }

    /**
     * Development reset: every series is gone, durably. An empty block file checkpoints the whole WAL, so a restart
     * replays nothing written before the reset; older block files are deleted after it is on disk.
     */
    public void wipe() throws IOException {
        synchronized (diskLock) {
            if (closed) {
                return;
            }
            stateLock.writeLock().lock();
            try {
                series.clear();
                List<Path> old = blocks.list();
                writeBlock(wal.nextOffset(), List.of());
                for (Path file : old) {
                    Files.deleteIfExists(file);
                }
                synchronized (walOrder) {
                    wal.deleteSegmentsOlderThan(lastWalTimestamp + 1);
                }
            } finally {
                stateLock.writeLock().unlock();
            }
        }
    }

    /** Stops the background tasks, flushes, and closes the WAL. */
    @Override
    public void close() throws IOException {
        tasks.forEach(Scheduler.Cancellable::cancel);
        try {
            flush();
        } finally {
            synchronized (diskLock) {
                closed = true;
            }
            wal.close();
        }
    }
}
