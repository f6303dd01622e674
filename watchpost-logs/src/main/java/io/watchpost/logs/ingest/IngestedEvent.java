package io.watchpost.logs.ingest;

import static java.util.Objects.requireNonNull;

/** One log event as stored: its own timestamp, when Watchpost accepted it (both epoch millis), its message. */
public record IngestedEvent(long timestamp, long ingestionTime, String message) {
    public IngestedEvent {
        requireNonNull(message, "message is null");
    }
}
