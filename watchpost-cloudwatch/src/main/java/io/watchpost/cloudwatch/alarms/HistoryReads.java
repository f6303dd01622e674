package io.watchpost.cloudwatch.alarms;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * DescribeAlarmHistory: items of one alarm or of all, filtered by type, alarm type and [StartDate, EndDate],
 * newest first unless ScanBy is TimestampAscending; NextToken is the offset into that order, signed with the
 * request's filter so a token cannot be replayed against another query.
 */
final class HistoryReads {
    private final StateTable<HistoryRecord> history;
    private final PageTokens tokens;

    HistoryReads(StateTable<HistoryRecord> history, PageTokens tokens) {
        this.history = history;
        this.tokens = tokens;
    }

    DescribeAlarmHistoryResponse describe(RequestContext context, DescribeAlarmHistoryRequest r) {
        Violations v = new Violations();
        v.checkString("alarmName", r.alarmName(), 1, 255, null);
        v.checkEnum("historyItemType", r.historyItemTypeAsString(),
                List.of("ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate",
                        "AlarmContributorAction"));
        v.checkRange("maxRecords", r.maxRecords(), 1, 100);
        v.checkEnum("scanBy", r.scanByAsString(), List.of("TimestampDescending", "TimestampAscending"));
        for (int i = 0; i < r.alarmTypes().size(); i++) {
            v.checkEnum("alarmTypes." + (i + 1) + ".member", r.alarmTypesAsStrings().get(i),
                    List.of("CompositeAlarm", "MetricAlarm"));
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        Scope scope = context.scope();
        String prefix = r.alarmName() == null ? scope.keyPrefix() : scope.key(r.alarmName()) + '/';
        long start = r.startDate() == null ? Long.MIN_VALUE : r.startDate().toEpochMilli();
        long end = r.endDate() == null ? Long.MAX_VALUE : r.endDate().toEpochMilli();
        // As AWS documents: without AlarmTypes only metric alarms' history is returned.
        List<String> types = r.alarmTypes().isEmpty() ? List.of("MetricAlarm") : r.alarmTypesAsStrings();
        Comparator<Map.Entry<String, HistoryRecord>> order = Comparator
                .comparingLong((Map.Entry<String, HistoryRecord> e) -> e.getValue().timestampMillis())
                .thenComparing(e -> e.getKey().substring(e.getKey().length() - 6));
        if (r.scanBy() != ScanBy.TIMESTAMP_ASCENDING) {
            order = order.reversed();
        }
        List<HistoryRecord> items = history.view().tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .filter(e -> types.contains(e.getValue().alarmType()))
                .filter(e -> r.alarmName() == null || e.getValue().alarmName().equals(r.alarmName()))
                .filter(e -> r.historyItemType() == null
                        || e.getValue().type().equals(r.historyItemTypeAsString()))
                .filter(e -> e.getValue().timestampMillis() >= start && e.getValue().timestampMillis() <= end)
                .sorted(order).map(Map.Entry::getValue).toList();
        String fingerprint = Integer.toHexString(r.toBuilder().nextToken(null).maxRecords(null).build().hashCode());
        int offset = r.nextToken() == null ? 0 : offset(r.nextToken(), fingerprint, items.size());
        int max = r.maxRecords() == null ? 50 : r.maxRecords();
        int to = Math.min(items.size(), offset + max);
        List<AlarmHistoryItem> page = items.subList(offset, to).stream().map(HistoryReads::toSdk).toList();
        return DescribeAlarmHistoryResponse.builder().alarmHistoryItems(page)
                .nextToken(to < items.size() ? tokens.encode(fingerprint + ':' + to) : null).build();
    }

    private int offset(String token, String fingerprint, int size) {
        return tokens.decode(token).filter(p -> p.startsWith(fingerprint + ':'))
                .map(p -> Integer.parseInt(p.substring(fingerprint.length() + 1))).filter(o -> o <= size)
                .orElseThrow(() -> new AwsException(AwsError.CW_INVALID_NEXT_TOKEN,
                        "The service cannot decode the specified NextToken."));
    }

    private static AlarmHistoryItem toSdk(HistoryRecord h) {
        return AlarmHistoryItem.builder().alarmName(h.alarmName()).alarmType(h.alarmType())
                .timestamp(Instant.ofEpochMilli(h.timestampMillis())).historyItemType(h.type())
                .historySummary(h.summary()).historyData(h.data()).build();
    }
}
