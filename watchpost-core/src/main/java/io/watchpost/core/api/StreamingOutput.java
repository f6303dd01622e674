package io.watchpost.core.api;

import static java.util.Objects.requireNonNull;

/**
 * A response whose body the SDK models outside the response object (S3 {@code GetObject}: the client reads a
 * {@code ResponseInputStream} around the {@code GetObjectResponse}). A handler returns this holder; the wire
 * layer writes {@code response}'s header members as headers and {@code body} as the HTTP body. The body array
 * is not copied.
 */
public record StreamingOutput<T>(T response, byte[] body) {
    public StreamingOutput {
        requireNonNull(response, "response is null");
        requireNonNull(body, "body is null");
    }
}
