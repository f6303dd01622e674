package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.LogRecordPointers;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StoredEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordResponse;

/**
 * GetLogRecord: every field of one event named by an {@code @ptr} — the generated fields ({@code @timestamp} and
 * {@code @ingestionTime} in epoch millis, {@code @log} as {@code account:group}, {@code @logStream},
 * {@code @message}) and, for a JSON event, its flattened keys.
 */
final class GetLogRecord {
    private final GroupLookup groups;
    private final LogEventStore store;
    private final LogRecordPointers pointers;
    private final Clock clock;

    GetLogRecord(GroupLookup groups, LogEventStore store, LogRecordPointers pointers, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.pointers = requireNonNull(pointers, "pointers is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    GetLogRecordResponse get(RequestContext context, GetLogRecordRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.logRecordPointer() == null) {
            errors.missing("logRecordPointer");
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        LogRecordPointers.Pointer pointer = pointers.decode(request.logRecordPointer()).orElseThrow(() ->
                new AwsException(AwsError.LOGS_INVALID_PARAMETER, "The specified logRecordPointer is invalid."));
        Scope scope = context.scope();
        LogGroupInfo group = groups.byName(scope, pointer.logGroupName());
        List<StoredEvent> events = store.exists(scope, group, pointer.logStreamName())
                && pointer.position().timestamp() >= Retention.visibleFrom(group, clock.millis())
                ? store.load(scope, group, pointer.logStreamName(), List.of(pointer.position())) : List.of();
        if (events.isEmpty()) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log record does not exist.");
        }
        StoredEvent event = events.get(0);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("@ingestionTime", Long.toString(event.ingestionTime()));
        record.put("@log", scope.accountId() + ":" + group.logGroupName());
        record.put("@logStream", event.logStreamName());
        record.put("@message", event.message());
        record.put("@timestamp", Long.toString(event.timestamp()));
        JsonFields.of(event.message()).forEach(record::putIfAbsent);
        return GetLogRecordResponse.builder().logRecord(record).build();
    }
}
