package io.watchpost.logs.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.filter.FilterPattern;
import io.watchpost.logs.store.EventPosition;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StoredEvent;
import io.watchpost.logs.store.StreamInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * FilterLogEvents: the chosen streams' events merged by timestamp (then ingestion order), matched against the
 * compiled filter pattern, at most {@code limit} (default 10,000) events and 1 MB per page. The token is the
 * position of the last event examined, so the next page resumes right after it; no token means the end.
 * {@code searchedLogStreams} is always empty, as AWS has answered since May 2020 (model documentation).
 */
final class FilterLogEvents {
    private static final int CHUNK = 1_000;

    private final GroupLookup groups;
    private final LogEventStore store;
    private final Clock clock;
    private final PageTokens pageTokens;

    FilterLogEvents(GroupLookup groups, LogEventStore store, Clock clock, PageTokens pageTokens) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    FilterLogEventsResponse filter(RequestContext context, FilterLogEventsRequest request) {
        validate(request);
        FilterPattern pattern = FilterPattern.compile(request.filterPattern() == null ? "" : request.filterPattern());
        EventPosition after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .flatMap(EventPosition::parseDigits)
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        Scope scope = context.scope();
        LogGroupInfo group = groups.byNameOrIdentifier(scope, request.logGroupName(), request.logGroupIdentifier());
        long from = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(),
                Retention.visibleFrom(group, clock.millis()));
        // AWS: "Events with a timestamp later than this time are not returned": endTime itself is included.
        long to = request.endTime() == null || request.endTime() == Long.MAX_VALUE ? Long.MAX_VALUE
                : request.endTime() + 1;
        int limit = request.limit() == null ? GetLogEvents.MAX_EVENTS : request.limit();

        StreamMerge merge = new StreamMerge(store, scope, group, streams(scope, group, request), from, to, after, CHUNK);
        List<FilteredLogEvent> page = new ArrayList<>();
        long bytes = 0;
        EventPosition last = null;
        while (page.size() < limit) {
            List<StoredEvent> chunk = merge.next(limit - page.size());
            if (chunk.isEmpty()) {
                return response(page, null);
            }
            for (StoredEvent event : chunk) {
                if (pattern.matches(event.message())) {
                    bytes += event.message().getBytes(UTF_8).length + 26L;
                    if (bytes > GetLogEvents.MAX_PAGE_BYTES && last != null) {
                        return response(page, pageTokens.encode(last.digits()));
                    }
                    page.add(view(event));
                }
                last = event.position();
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return response(page, merge.hasMoreAfter(last) ? pageTokens.encode(last.digits()) : null);
    }

    private List<String> streams(Scope scope, LogGroupInfo group, FilterLogEventsRequest request) {
        if (request.hasLogStreamNames()) {
            return request.logStreamNames().stream().distinct()
                    .filter(name -> store.exists(scope, group, name)).sorted().toList();
        }
        String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
        return store.streams(scope, group, prefix, Long.MIN_VALUE).stream().map(StreamInfo::logStreamName).toList();
    }

    private static FilteredLogEvent view(StoredEvent event) {
        return FilteredLogEvent.builder()
                .logStreamName(event.logStreamName())
                .timestamp(event.timestamp())
                .message(event.message())
                .ingestionTime(event.ingestionTime())
                .eventId(event.position().digits())
                .build();
    }

    private static FilterLogEventsResponse response(List<FilteredLogEvent> page, String nextToken) {
        return FilterLogEventsResponse.builder()
                .events(page)
                .searchedLogStreams(List.of())
                .nextToken(nextToken)
                .build();
    }

    private static void validate(FilterLogEventsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        StreamNames.group(errors, request.logGroupName(), false);
        StreamNames.identifier(errors, request.logGroupIdentifier());
        if (request.hasLogStreamNames()) {
            int size = request.logStreamNames().size();
            if (size > 100) {
                errors.violated("logStreamNames", "Member must have length less than or equal to 100");
            }
            if (size < 1) {
                errors.violated("logStreamNames", "Member must have length greater than or equal to 1");
            }
            for (int i = 0; i < size; i++) {
                StreamNames.stream(errors, "logStreamNames." + (i + 1) + ".member", request.logStreamNames().get(i),
                        true);
            }
        }
        StreamNames.stream(errors, "logStreamNamePrefix", request.logStreamNamePrefix(), false);
        GetLogEvents.checkTime(errors, "startTime", request.startTime());
        GetLogEvents.checkTime(errors, "endTime", request.endTime());
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, GetLogEvents.MAX_EVENTS);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (request.hasLogStreamNames() && request.logStreamNamePrefix() != null) {
            // Documented as InvalidParameterException; the message is not documented (guessed).
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
    }
}
