package io.watchpost.cloudwatch.alarms;

import java.util.Map;

/**
 * Where PutMetricAlarm's {@code Tags} go on creation and from where DeleteAlarms drops them: the CloudWatch tag
 * table that TagResource/ListTagsForResource serve (owned by the metrics package). AWS ignores Tags when
 * PutMetricAlarm updates an existing alarm, so {@link #put} is only called for new alarms.
 */
public interface AlarmTagStore {
    void put(String alarmArn, Map<String, String> tags);

    void remove(String alarmArn);

    AlarmTagStore NONE = new AlarmTagStore() {
        @Override
        public void put(String alarmArn, Map<String, String> tags) {}

        @Override
        public void remove(String alarmArn) {}
    };
}
