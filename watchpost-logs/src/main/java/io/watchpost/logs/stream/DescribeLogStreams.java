package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StreamInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * DescribeLogStreams. Each stream gets a sort key (its name, or its zero-padded last event time then its name for
 * {@code LastEventTime}); the page token carries the last key returned, so pages stay stable while streams are
 * added or removed.
 */
final class DescribeLogStreams {
    private static final int DEFAULT_LIMIT = 50;
    private static final List<String> ORDERS = List.of("LogStreamName", "LastEventTime");

    private final GroupLookup groups;
    private final LogEventStore store;
    private final Clock clock;
    private final PageTokens pageTokens;

    DescribeLogStreams(GroupLookup groups, LogEventStore store, Clock clock, PageTokens pageTokens) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    DescribeLogStreamsResponse describe(RequestContext context, DescribeLogStreamsRequest request) {
        validate(request);
        Scope scope = context.scope();
        LogGroupInfo group = groups.byNameOrIdentifier(scope, request.logGroupName(), request.logGroupIdentifier());
        boolean byTime = "LastEventTime".equals(request.orderByAsString());
        boolean descending = Boolean.TRUE.equals(request.descending());
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
        long visibleFrom = Retention.visibleFrom(group, clock.millis());

        Comparator<String> order = descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder();
        List<Keyed> keyed = new ArrayList<>();
        for (StreamInfo stream : store.streams(scope, group, prefix, visibleFrom)) {
            String key = byTime ? timeKey(stream) : stream.logStreamName();
            if (after == null || order.compare(key, after) > 0) {
                keyed.add(new Keyed(key, stream));
            }
        }
        keyed.sort(Comparator.comparing(Keyed::key, order));
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<LogStream> page = keyed.stream().limit(limit)
                .map(k -> view(scope, group.logGroupName(), k.stream())).toList();
        String next = keyed.size() > limit ? pageTokens.encode(keyed.get(limit - 1).key()) : null;
        return DescribeLogStreamsResponse.builder().logStreams(page).nextToken(next).build();
    }

    private record Keyed(String key, StreamInfo stream) {}

    private static String timeKey(StreamInfo stream) {
        return String.format("%020d", stream.lastEventTimestamp().orElse(0)) + "/" + stream.logStreamName();
    }

    @SuppressWarnings("deprecation") // storedBytes is deprecated for streams, yet AWS still answers it (as 0)
    static LogStream view(Scope scope, String groupName, StreamInfo stream) {
        LogStream.Builder builder = LogStream.builder()
                .logStreamName(stream.logStreamName())
                .creationTime(stream.creationTime())
                .arn(scope.arn("logs", "log-group:" + groupName + ":log-stream:" + stream.logStreamName()).toString())
                .storedBytes(0L); // AWS reports 0 for streams since 2019 (model documentation)
        stream.firstEventTimestamp().ifPresent(builder::firstEventTimestamp);
        stream.lastEventTimestamp().ifPresent(builder::lastEventTimestamp);
        stream.lastIngestionTime().ifPresent(t -> builder.lastIngestionTime(t)
                .uploadSequenceToken(String.format("%056d", t)));
        return builder.build();
    }

    private static void validate(DescribeLogStreamsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        StreamNames.group(errors, request.logGroupName(), false);
        StreamNames.identifier(errors, request.logGroupIdentifier());
        StreamNames.stream(errors, "logStreamNamePrefix", request.logStreamNamePrefix(), false);
        errors.checkEnum("orderBy", request.orderByAsString(), ORDERS);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, 50);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if ("LastEventTime".equals(request.orderByAsString()) && request.logStreamNamePrefix() != null) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
    }
}
