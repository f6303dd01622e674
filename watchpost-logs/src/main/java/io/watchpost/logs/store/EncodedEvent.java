package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

/**
 * An event to store, its message already encoded to UTF-8 (the ingest path needs the byte count for AWS's batch
 * limit anyway, so each message is encoded exactly once). The array is not copied: treat it as immutable.
 */
public record EncodedEvent(long timestamp, byte[] message) {
    public EncodedEvent {
        requireNonNull(message, "message is null");
    }
}
