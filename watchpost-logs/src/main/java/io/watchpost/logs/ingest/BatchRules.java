package io.watchpost.logs.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.logs.store.EncodedEvent;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * AWS's PutLogEvents rules (API reference, PutLogEvents): at most 1,048,576 bytes counted as the UTF-8 messages
 * plus 26 bytes per event (so one event's message is at most 1,048,550 bytes, the documented 1 MB event limit);
 * at most 10,000 events (a model constraint, checked with the request's members); chronological order; events more
 * than 2 hours ahead, older than 14 days or older than the group's retention are rejected while the rest are
 * stored; the accepted events may not span more than 24 hours.
 */
final class BatchRules {
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final long MAX_AGE_MILLIS = 14 * 86_400_000L;
    static final long MAX_AHEAD_MILLIS = 2 * 3_600_000L;
    static final long MAX_SPAN_MILLIS = 24 * 3_600_000L;

    /** The events to store and what AWS reports as rejected (empty info when nothing was). */
    record Outcome(List<EncodedEvent> accepted, RejectedLogEventsInfo rejected) {}

    private BatchRules() {}

    static List<EncodedEvent> encode(List<InputLogEvent> events) {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        long bytes = 0;
        for (InputLogEvent event : events) {
            byte[] message = event.message().getBytes(UTF_8);
            bytes += message.length + EVENT_OVERHEAD_BYTES;
            encoded.add(new EncodedEvent(event.timestamp(), message));
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        for (int i = 1; i < encoded.size(); i++) {
            if (encoded.get(i).timestamp() < encoded.get(i - 1).timestamp()) {
                throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        return encoded;
    }

    /** Splits sorted events into too old / expired / accepted / too new, as AWS reports them. */
    static Outcome classify(List<EncodedEvent> events, long now, long visibleFrom) {
        long oldest = now - MAX_AGE_MILLIS;
        long newest = now + MAX_AHEAD_MILLIS;
        int tooOldEnd = 0;
        int expiredEnd = 0;
        int tooNewStart = events.size();
        for (int i = 0; i < events.size(); i++) {
            long t = events.get(i).timestamp();
            if (t < oldest) {
                tooOldEnd = i + 1;
            }
            if (t < visibleFrom) {
                expiredEnd = i + 1;
            }
            if (t > newest && tooNewStart == events.size()) {
                tooNewStart = i;
            }
        }
        int first = Math.max(tooOldEnd, expiredEnd);
        List<EncodedEvent> accepted = events.subList(Math.min(first, tooNewStart), tooNewStart);
        if (!accepted.isEmpty()
                && accepted.get(accepted.size() - 1).timestamp() - accepted.get(0).timestamp() > MAX_SPAN_MILLIS) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        RejectedLogEventsInfo.Builder info = RejectedLogEventsInfo.builder();
        boolean any = false;
        if (tooOldEnd > 0) {
            info.tooOldLogEventEndIndex(tooOldEnd);
            any = true;
        }
        if (expiredEnd > 0) {
            info.expiredLogEventEndIndex(expiredEnd);
            any = true;
        }
        if (tooNewStart < events.size()) {
            info.tooNewLogEventStartIndex(tooNewStart);
            any = true;
        }
        return new Outcome(accepted, any ? info.build() : null);
    }
}
