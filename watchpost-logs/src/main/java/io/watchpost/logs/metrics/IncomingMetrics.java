package io.watchpost.logs.metrics;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.logs.ingest.IngestedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Publishes IncomingBytes and IncomingLogEvents for every stored batch (register with
 * {@code LogEventsService.addIngestListener}). IncomingBytes counts the UTF-8 bytes of the messages, computed
 * without encoding them again (hot path: one pass over the characters, four datums per batch).
 */
public final class IncomingMetrics implements IngestListener {
    private final MetricSink sink;

    public IncomingMetrics(MetricSink sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public void ingested(Scope scope, String logGroupName, String logStreamName, List<IngestedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long bytes = 0;
        for (IngestedEvent event : events) {
            bytes += utf8Length(event.message());
        }
        LogsMetrics.incoming(sink, scope, logGroupName, Instant.ofEpochMilli(events.get(0).ingestionTime()), bytes,
                events.size());
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
