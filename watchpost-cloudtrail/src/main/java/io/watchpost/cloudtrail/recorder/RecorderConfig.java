package io.watchpost.cloudtrail.recorder;

import static java.util.Objects.requireNonNull;

import io.watchpost.store.Durability;
import java.time.Duration;

/**
 * Settings of the {@link CloudTrailRecorder}.
 *
 * @param queueCapacity calls waiting to be written; when full, further calls are dropped and counted
 * @param durability when an appended record counts as written
 * @param segmentAge the record log seals a segment once it is this old, so retention can delete it
 * @param retention how long records are kept (AWS Event history: 90 days)
 */
public record RecorderConfig(int queueCapacity, Durability durability, Duration segmentAge, Duration retention) {
    public RecorderConfig {
        requireNonNull(durability, "durability is null");
        requireNonNull(segmentAge, "segmentAge is null");
        requireNonNull(retention, "retention is null");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
        if (segmentAge.isNegative() || segmentAge.isZero() || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("segmentAge and retention must be positive");
        }
    }

    /** 65,536 queued calls, process durability, hourly segments, 90 days. */
    public static RecorderConfig defaults() {
        return new RecorderConfig(65_536, Durability.PROCESS, Duration.ofHours(1), Duration.ofDays(90));
    }

    public RecorderConfig withQueueCapacity(int capacity) {
        return new RecorderConfig(capacity, durability, segmentAge, retention);
    }
}
