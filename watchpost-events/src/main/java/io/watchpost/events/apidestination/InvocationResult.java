package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * What one invocation of an API destination came to, for the delivery path: {@link Outcome#DELIVERED}; {@link
 * Outcome#RETRY} for what EventBridge retries (401, 407, 409, 429, 5xx, timeouts, connection failures, and the
 * destination's rate limit, which also says when a token is free again); {@link Outcome#DROP} for what it does not
 * retry (other 1xx/3xx/4xx, a missing or deauthorized destination): the event goes to the dead-letter queue.
 *
 * @param statusCode the endpoint's HTTP status, or 0 when no response was received
 */
public record InvocationResult(Outcome outcome, int statusCode, String detail, Optional<Duration> retryAfter) {
    /** The closed set of outcomes. */
    public enum Outcome { DELIVERED, RETRY, DROP }

    public InvocationResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(retryAfter, "retryAfter is null");
    }

    static InvocationResult of(int statusCode, String detail) {
        return new InvocationResult(classify(statusCode), statusCode, detail, Optional.empty());
    }

    static InvocationResult retry(String detail) {
        return new InvocationResult(Outcome.RETRY, 0, detail, Optional.empty());
    }

    static InvocationResult drop(String detail) {
        return new InvocationResult(Outcome.DROP, 0, detail, Optional.empty());
    }

    static InvocationResult throttled(Duration wait) {
        return new InvocationResult(Outcome.RETRY, 0, "InvocationRateLimitPerSecond exceeded", Optional.of(wait));
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** EventBridge's documented retry set for API destinations. */
    static Outcome classify(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        boolean retryable = status >= 500 || status == 401 || status == 407 || status == 409 || status == 429;
        return retryable ? Outcome.RETRY : Outcome.DROP;
    }
}
