package io.watchpost.core.api;

import static java.util.Objects.requireNonNull;

/**
 * A request whose body the SDK models outside the request object (S3 {@code PutObject}: the client passes a
 * {@code RequestBody} beside the {@code PutObjectRequest}). The wire layer hands such a handler this holder
 * instead of the bare request; register it with {@link ApiHandlers.Builder#onStreaming}. The body array is
 * not copied (it can be large); neither side may change it.
 */
public record StreamingInput<T>(T request, byte[] body) {
    public StreamingInput {
        requireNonNull(request, "request is null");
        requireNonNull(body, "body is null");
    }
}
