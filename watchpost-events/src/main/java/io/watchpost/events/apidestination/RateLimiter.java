package io.watchpost.events.apidestination;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per API destination, refilled at InvocationRateLimitPerSecond on the injected clock, holding at
 * most one second's worth of tokens. Thread-safe: each bucket is updated under its own lock. Nothing sleeps: an
 * invocation without a token is answered with how long until the next one.
 */
final class RateLimiter {
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token for {@code key}; empty when one was free, else the wait until one will be. */
    Optional<Duration> acquire(String key, int ratePerSecond) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(ratePerSecond, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            double capacity = ratePerSecond;
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastMillis) * capacity / 1000.0);
            bucket.lastMillis = now;
            if (bucket.tokens >= 1.0) {
                bucket.tokens -= 1.0;
                return Optional.empty();
            }
            long waitMillis = (long) Math.ceil((1.0 - bucket.tokens) * 1000.0 / capacity);
            return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
        }
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }
}
