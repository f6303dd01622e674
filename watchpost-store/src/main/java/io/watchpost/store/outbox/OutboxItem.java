package io.watchpost.store.outbox;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One enqueued delivery as the {@link Outbox.Sender} and {@link Outbox.DeadLetters} see it. The payload array is
 * not copied: treat it as immutable.
 *
 * @param offset the item's position in the outbox log, unique for the outbox's lifetime
 * @param attempts attempts made before the current one (0 on the first attempt)
 */
public record OutboxItem(long offset, String destination, byte[] payload, RetryPolicy policy, Instant enqueuedAt,
        int attempts) {
    public OutboxItem {
        requireNonNull(destination, "destination is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(enqueuedAt, "enqueuedAt is null");
    }

    OutboxItem withAttempts(int count) {
        return new OutboxItem(offset, destination, payload, policy, enqueuedAt, count);
    }
}
