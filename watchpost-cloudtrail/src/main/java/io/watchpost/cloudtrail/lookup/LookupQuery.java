package io.watchpost.cloudtrail.lookup;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudtrail.recorder.EventKey;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A validated LookupEvents call: which keys match, the inclusive time range in epoch millis, the page size and where
 * the previous page ended. {@code fingerprint} identifies the parameters a NextToken is bound to.
 */
record LookupQuery(Predicate<EventKey> matches, long startMillis, long endMillis, int limit,
        Optional<Position> after, String fingerprint) {
    LookupQuery {
        requireNonNull(matches, "matches is null");
        requireNonNull(after, "after is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    /** A place in the newest-first order: events after it have an older time, or the same time and a lower offset. */
    record Position(long eventTimeMillis, long offset) {
        boolean isBefore(long otherTime, long otherOffset) {
            return otherTime < eventTimeMillis || otherTime == eventTimeMillis && otherOffset < offset;
        }
    }
}
