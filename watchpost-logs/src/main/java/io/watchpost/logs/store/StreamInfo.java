package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * A log stream as DescribeLogStreams shows it. The event times are empty until the stream holds a visible event;
 * {@code lastIngestionTime} is empty until the first PutLogEvents.
 */
public record StreamInfo(String logStreamName, long creationTime, OptionalLong firstEventTimestamp,
        OptionalLong lastEventTimestamp, OptionalLong lastIngestionTime) {
    public StreamInfo {
        requireNonNull(logStreamName, "logStreamName is null");
        requireNonNull(firstEventTimestamp, "firstEventTimestamp is null");
        requireNonNull(lastEventTimestamp, "lastEventTimestamp is null");
        requireNonNull(lastIngestionTime, "lastIngestionTime is null");
    }
}
