package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a {@link RecordLog}.
 *
 * @param segmentBytes the active segment is sealed before an append would grow it past this size
 * @param segmentAge the active segment is sealed at the first append once it is this old (by {@code clock})
 * @param blockBytes target uncompressed size of a block, the unit of compression and of time-range skipping
 * @param durability when an append is acknowledged
 * @param clock measures segment age; injected so tests never sleep
 */
public record RecordLogConfig(long segmentBytes, Duration segmentAge, int blockBytes, Durability durability, Clock clock) {
    public RecordLogConfig {
        requireNonNull(segmentAge, "segmentAge is null");
        requireNonNull(durability, "durability is null");
        requireNonNull(clock, "clock is null");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive: " + segmentBytes);
        }
        if (segmentAge.isNegative() || segmentAge.isZero()) {
            throw new IllegalArgumentException("segmentAge must be positive: " + segmentAge);
        }
        if (blockBytes <= 0) {
            throw new IllegalArgumentException("blockBytes must be positive: " + blockBytes);
        }
    }

    /** 64 MiB segments, 1 hour, 64 KiB blocks, {@link Durability#PROCESS}, the system UTC clock. */
    public static RecordLogConfig defaults() {
        return new RecordLogConfig(64L << 20, Duration.ofHours(1), 64 << 10, Durability.PROCESS, Clock.systemUTC());
    }

    public RecordLogConfig withSegmentBytes(long bytes) {
        return new RecordLogConfig(bytes, segmentAge, blockBytes, durability, clock);
    }

    public RecordLogConfig withSegmentAge(Duration age) {
        return new RecordLogConfig(segmentBytes, age, blockBytes, durability, clock);
    }

    public RecordLogConfig withBlockBytes(int bytes) {
        return new RecordLogConfig(segmentBytes, segmentAge, bytes, durability, clock);
    }

    public RecordLogConfig withDurability(Durability newDurability) {
        return new RecordLogConfig(segmentBytes, segmentAge, blockBytes, newDurability, clock);
    }

    public RecordLogConfig withClock(Clock newClock) {
        return new RecordLogConfig(segmentBytes, segmentAge, blockBytes, durability, newClock);
    }
}
