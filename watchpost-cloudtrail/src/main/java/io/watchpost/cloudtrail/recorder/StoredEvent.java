package io.watchpost.cloudtrail.recorder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One recorded CloudTrail event as read back from the log: its position, its {@code eventTime} (whole seconds), its
 * key and the record JSON. The array is the log's own: treat it as immutable.
 */
public record StoredEvent(long offset, long eventTimeMillis, EventKey key, byte[] json) {
    public StoredEvent {
        requireNonNull(key, "key is null");
        requireNonNull(json, "json is null");
    }

    public Instant eventTime() {
        return Instant.ofEpochMilli(eventTimeMillis);
    }

    /** The record as the JSON string CloudTrail shows ({@code CloudTrailEvent} of LookupEvents). */
    public String jsonText() {
        return new String(json, UTF_8);
    }
}
