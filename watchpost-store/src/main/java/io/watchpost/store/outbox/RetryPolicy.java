package io.watchpost.store.outbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long an {@link Outbox} item is retried: at most {@code maxAttempts} delivery attempts in all (the first
 * included), and none once the item is older than {@code maxAge}. Whichever runs out first sends it to the
 * dead-letter handler.
 */
public record RetryPolicy(int maxAttempts, Duration maxAge) {
    public RetryPolicy {
        requireNonNull(maxAge, "maxAge is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge is negative: " + maxAge);
        }
    }
}
