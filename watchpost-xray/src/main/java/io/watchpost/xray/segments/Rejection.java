package io.watchpost.xray.segments;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Why a segment document was not accepted, reported as an {@code UnprocessedTraceSegment}: the document's id when it
 * could be read, an error code, and X-Ray's message {@code Invalid segment. ErrorCode: <code>}.
 */
public record Rejection(Optional<String> id, String errorCode, String message) {
    public Rejection {
        requireNonNull(id, "id is null");
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(message, "message is null");
    }

    static Rejection of(String id, String errorCode) {
        return new Rejection(Optional.ofNullable(id), errorCode, "Invalid segment. ErrorCode: " + errorCode);
    }
}
