package io.watchpost.store.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after attempt n (1-based) the next one waits
 * {@code d/2 + random(0, d/2)} where {@code d = min(cap, base * 2^(n-1))}. EventBridge documents only "exponential
 * back off and jitter" (185 attempts over 24 hours); base and cap are Watchpost's choice.
 */
record Backoff(Duration base, Duration cap) {
    static final Backoff EVENTBRIDGE = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    long delayMillis(int attemptsMade, RandomGenerator random) {
        int shift = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << shift);
        long half = ceiling / 2;
        return half + (half > 0 ? random.nextLong(half + 1) : 0);
    }
}
