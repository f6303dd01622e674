package io.watchpost.logs.subscription;

import io.watchpost.logs.ingest.IngestedEvent;

/**
 * Event ids for delivered events, shaped like AWS's (56 decimal digits, ordered by timestamp): the event timestamp
 * (19 digits), the ingestion time (19 digits), a hash of the stream name (13 digits) and the event's position in
 * its batch (5 digits). AWS does not document how it derives its ids; these are unique per stream and batch
 * position, which is what consumers use them for (deduplication).
 */
final class EventIds {
    private EventIds() {}

    static String of(IngestedEvent event, String logStreamName, int position) {
        long stream = Integer.toUnsignedLong(logStreamName.hashCode()) % 10_000_000_000_000L;
        return String.format("%019d%019d%013d%05d", Math.max(0, event.timestamp()), Math.max(0, event.ingestionTime()),
                stream, position % 100_000);
    }
}
