package io.watchpost.core.port;

import io.watchpost.core.Scope;
import java.util.List;

/**
 * Where other services write log events (EventBridge log-group targets, CloudTrail trails). The stream is
 * created when missing; the group must exist.
 */
public interface LogSink {
    void append(Scope scope, String logGroupName, String logStreamName, List<LogEntry> entries);

    /** One log event: its timestamp in epoch milliseconds and its message. */
    record LogEntry(long timestampMillis, String message) {
        public LogEntry {
            java.util.Objects.requireNonNull(message, "message is null");
        }
    }
}
