package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.LogEventStore;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;

/** CreateLogStream and DeleteLogStream. */
final class StreamWrites {
    private final GroupLookup groups;
    private final LogEventStore store;
    private final Clock clock;

    StreamWrites(GroupLookup groups, LogEventStore store, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    CreateLogStreamResponse create(RequestContext context, CreateLogStreamRequest request) {
        validate(request.logGroupName(), request.logStreamName());
        LogGroupInfo group = groups.byName(context.scope(), request.logGroupName());
        if (!store.createStream(context.scope(), group, request.logStreamName(), clock.millis())) {
            throw new AwsException(AwsError.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log stream already exists");
        }
        return CreateLogStreamResponse.builder().build();
    }

    DeleteLogStreamResponse delete(RequestContext context, DeleteLogStreamRequest request) {
        validate(request.logGroupName(), request.logStreamName());
        LogGroupInfo group = groups.byName(context.scope(), request.logGroupName());
        if (!store.deleteStream(context.scope(), group, request.logStreamName())) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
        }
        return DeleteLogStreamResponse.builder().build();
    }

    private static void validate(String group, String stream) {
        ConstraintViolations errors = new ConstraintViolations();
        StreamNames.group(errors, group, true);
        StreamNames.stream(errors, "logStreamName", stream, true);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }
}
