package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import io.watchpost.store.Durability;
import java.time.Duration;

/**
 * Settings of a {@link TimeSeriesStore}.
 *
 * @param durability when a put is acknowledged (the write-ahead log's setting)
 * @param flushInterval how often changed cells are written to a block file, letting the WAL be trimmed
 * @param retentionInterval how often expired cells are dropped and the block files compacted into one
 * @param compactAfterFiles block files allowed before a flush compacts them into one
 * @param walSegmentBytes WAL segment size; whole segments are deleted once a block file covers them
 * @param walSegmentAge WAL segment age at which it is sealed, so it can be deleted
 */
public record TimeSeriesStoreConfig(Durability durability, Duration flushInterval, Duration retentionInterval,
        int compactAfterFiles, long walSegmentBytes, Duration walSegmentAge) {
    public TimeSeriesStoreConfig {
        requireNonNull(durability, "durability is null");
        requireNonNull(flushInterval, "flushInterval is null");
        requireNonNull(retentionInterval, "retentionInterval is null");
        requireNonNull(walSegmentAge, "walSegmentAge is null");
        if (flushInterval.isNegative() || flushInterval.isZero() || retentionInterval.isNegative()
                || retentionInterval.isZero()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (compactAfterFiles < 1 || walSegmentBytes < 4096) {
            throw new IllegalArgumentException("compactAfterFiles must be >= 1 and walSegmentBytes >= 4096");
        }
    }

    /** Process durability, flush every minute, retention hourly, compact after 16 files, 16 MiB / 10 min segments. */
    public static TimeSeriesStoreConfig defaults() {
        return new TimeSeriesStoreConfig(Durability.PROCESS, Duration.ofMinutes(1), Duration.ofHours(1), 16,
                16L << 20, Duration.ofMinutes(10));
    }

    public TimeSeriesStoreConfig withDurability(Durability newDurability) {
        return new TimeSeriesStoreConfig(newDurability, flushInterval, retentionInterval, compactAfterFiles,
                walSegmentBytes, walSegmentAge);
    }
}
