package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StoredEvent;
import io.watchpost.logs.store.StreamInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;

/**
 * GetLogGroupFields: the fields of the events in a window (the 8 minutes either side of {@code time}, in epoch
 * seconds, or the last 15 minutes), each with the integer percentage of events holding it, highest first. Every
 * event has the five generated fields; JSON events add their flattened keys. At most {@link #SAMPLE} events are
 * examined (the newest first), bounding the work as AWS bounds its discovery.
 */
final class GetLogGroupFields {
    static final int SAMPLE = 10_000;
    private static final long WINDOW_MILLIS = 8 * 60_000L;
    private static final long RECENT_MILLIS = 15 * 60_000L;
    private static final List<String> GENERATED = List.of("@ingestionTime", "@log", "@logStream", "@message",
            "@timestamp");

    private final GroupLookup groups;
    private final LogEventStore store;
    private final Clock clock;

    GetLogGroupFields(GroupLookup groups, LogEventStore store, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    GetLogGroupFieldsResponse fields(RequestContext context, GetLogGroupFieldsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        StreamNames.group(errors, request.logGroupName(), false);
        StreamNames.identifier(errors, request.logGroupIdentifier());
        GetLogEvents.checkTime(errors, "time", request.time());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        LogGroupInfo group = groups.byNameOrIdentifier(scope, request.logGroupName(), request.logGroupIdentifier());
        long now = clock.millis();
        long from = request.time() == null ? now - RECENT_MILLIS : request.time() * 1000 - WINDOW_MILLIS;
        long to = request.time() == null ? now + 1 : request.time() * 1000 + WINDOW_MILLIS;
        from = Math.max(from, Retention.visibleFrom(group, now));
        List<String> streams = store.streams(scope, group, "", Long.MIN_VALUE).stream()
                .map(StreamInfo::logStreamName).toList();
        StreamMerge merge = new StreamMerge(store, scope, group, streams, from, to, null, 1_000);
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (List<StoredEvent> chunk = merge.next(SAMPLE); !chunk.isEmpty() && total < SAMPLE;
                chunk = merge.next(SAMPLE - total)) {
            for (StoredEvent event : chunk) {
                total++;
                JsonFields.of(event.message()).keySet().forEach(name -> counts.merge(name, 1, Integer::sum));
            }
        }
        return GetLogGroupFieldsResponse.builder().logGroupFields(render(counts, total)).build();
    }

    private static List<LogGroupField> render(Map<String, Integer> counts, int total) {
        List<LogGroupField> fields = new ArrayList<>();
        if (total == 0) {
            return fields;
        }
        GENERATED.forEach(name -> fields.add(LogGroupField.builder().name(name).percent(100).build()));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> fields.add(LogGroupField.builder().name(e.getKey())
                        .percent((int) Math.round(e.getValue() * 100.0 / total)).build()));
        return fields;
    }
}
