package io.watchpost.logs.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.EventPosition;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StoredEvent;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * GetLogEvents: a page of one stream in time order, from the head ({@code startFromHead}) or the tail, or from
 * a token's position in the token's direction. A page holds at most {@code limit} (default 10,000) events and
 * 1 MB (messages in UTF-8 plus 26 bytes each, as PutLogEvents counts). When a token leads nowhere, AWS gives the
 * same token back: that is how clients know they reached the end.
 */
final class GetLogEvents {
    static final int MAX_EVENTS = 10_000;
    static final int MAX_PAGE_BYTES = 1_048_576;

    private final GroupLookup groups;
    private final LogEventStore store;
    private final Clock clock;

    GetLogEvents(GroupLookup groups, LogEventStore store, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    GetLogEventsResponse get(RequestContext context, GetLogEventsRequest request) {
        validate(request);
        StreamTokens token = request.nextToken() == null ? null : StreamTokens.parse(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        Scope scope = context.scope();
        LogGroupInfo group = groups.byNameOrIdentifier(scope, request.logGroupName(), request.logGroupIdentifier());
        String stream = request.logStreamName();
        if (!store.exists(scope, group, stream)) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
        }
        long from = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(),
                Retention.visibleFrom(group, clock.millis()));
        long to = request.endTime() == null ? Long.MAX_VALUE : request.endTime();
        boolean forward = token != null ? token.forward() : Boolean.TRUE.equals(request.startFromHead());
        int limit = request.limit() == null ? MAX_EVENTS : request.limit();
        List<EventPosition> positions = store.positions(scope, group, stream, from, to,
                token == null ? null : token.position(), forward, limit);
        List<StoredEvent> events = trimToBytes(store.load(scope, group, stream, positions), forward);
        return response(events, token);
    }

    /** Keeps the events nearest the starting point that fit in 1 MB. */
    private static List<StoredEvent> trimToBytes(List<StoredEvent> events, boolean forward) {
        long bytes = 0;
        int n = events.size();
        for (int i = 0; i < n; i++) {
            StoredEvent event = events.get(forward ? i : n - 1 - i);
            bytes += event.message().getBytes(UTF_8).length + 26L;
            if (bytes > MAX_PAGE_BYTES) {
                return forward ? events.subList(0, i) : events.subList(n - i, n);
            }
        }
        return events;
    }

    private static GetLogEventsResponse response(List<StoredEvent> events, StreamTokens token) {
        String forwardToken;
        String backwardToken;
        if (events.isEmpty()) {
            EventPosition at = token == null ? StreamTokens.ORIGIN : token.position();
            forwardToken = StreamTokens.forward(at);
            backwardToken = StreamTokens.backward(at);
        } else {
            forwardToken = StreamTokens.forward(events.get(events.size() - 1).position());
            backwardToken = StreamTokens.backward(events.get(0).position());
        }
        List<OutputLogEvent> output = events.stream().map(e -> OutputLogEvent.builder()
                .timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build()).toList();
        return GetLogEventsResponse.builder()
                .events(output)
                .nextForwardToken(forwardToken)
                .nextBackwardToken(backwardToken)
                .build();
    }

    private static void validate(GetLogEventsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        StreamNames.group(errors, request.logGroupName(), false);
        StreamNames.identifier(errors, request.logGroupIdentifier());
        StreamNames.stream(errors, "logStreamName", request.logStreamName(), true);
        checkTime(errors, "startTime", request.startTime());
        checkTime(errors, "endTime", request.endTime());
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, MAX_EVENTS);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }

    static void checkTime(ConstraintViolations errors, String member, Long value) {
        if (value != null && value < 0) {
            errors.violated(member, "Member must have value greater than or equal to 0");
        }
    }
}
