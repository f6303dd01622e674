package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

/** One stored log event as read back: its stream, its position (timestamp and ref), ingestion time and message. */
public record StoredEvent(String logStreamName, EventPosition position, long ingestionTime, String message) {
    public StoredEvent {
        requireNonNull(logStreamName, "logStreamName is null");
        requireNonNull(position, "position is null");
        requireNonNull(message, "message is null");
    }

    public long timestamp() {
        return position.timestamp();
    }
}
