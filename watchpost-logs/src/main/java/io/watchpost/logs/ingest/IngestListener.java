package io.watchpost.logs.ingest;

import io.watchpost.core.Scope;
import java.util.List;

/**
 * Told of every batch of events after it is durably stored (PutLogEvents and the LogSink port), in stream order:
 * metric filters and subscription filters hang here. Called on the ingesting thread; implementations must be
 * fast and must not throw for a bad filter (log and skip instead).
 */
public interface IngestListener {
    void ingested(Scope scope, String logGroupName, String logStreamName, List<IngestedEvent> events);
}
