package io.watchpost.cloudtrail;

import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LogSink} that keeps what it is given. */
final class CollectingLogSink implements LogSink {
    record Append(Scope scope, String group, String stream, List<LogEntry> entries) {}

    final List<Append> appends = new CopyOnWriteArrayList<>();

    @Override
    public void append(Scope scope, String logGroupName, String logStreamName, List<LogEntry> entries) {
        appends.add(new Append(scope, logGroupName, logStreamName, List.copyOf(entries)));
    }
}
