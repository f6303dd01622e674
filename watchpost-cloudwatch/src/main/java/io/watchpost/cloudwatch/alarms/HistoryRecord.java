package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

/**
 * One alarm history item as the journal's {@code alarm-history} table holds it, keyed
 * {@code account/region/alarmName/<13-digit millis>/<6-digit sequence>} so one alarm's items are contiguous and in
 * time order. {@code type} is ConfigurationUpdate, StateUpdate or Action; {@code data} is AWS's HistoryData JSON.
 */
record HistoryRecord(String alarmName, String alarmType, long timestampMillis, String type, String summary,
        String data) {
    HistoryRecord {
        requireNonNull(alarmName, "alarmName is null");
        requireNonNull(alarmType, "alarmType is null");
        requireNonNull(type, "type is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(data, "data is null");
    }
}
