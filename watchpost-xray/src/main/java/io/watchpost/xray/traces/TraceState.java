package io.watchpost.xray.traces;

import io.watchpost.core.Scope;
import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * What the index holds about one trace: the latest document of each segment id (an in-progress segment is
 * replaced by its completed version) with its log offset, and the summary computed when the last one arrived.
 * Guarded by the owning {@link TraceIndex}'s lock.
 */
final class TraceState {
    final Scope scope;
    final String traceId;
    private final Map<String, Stored> documents = new LinkedHashMap<>();
    long lastIngestMillis;
    int revision;
    double startTime = Double.NaN;
    TraceSummary summary;
    /** The {@link IndexTerms} this trace is filed under in its scope's term index. */
    final Set<String> terms = new HashSet<>();

    /** One accepted document: its typed view and where the log keeps it. */
    record Stored(Segment segment, long offset) {}

    TraceState(Scope scope, String traceId) {
        this.scope = scope;
        this.traceId = traceId;
    }

    void add(Segment segment, long offset, long ingestMillis) {
        documents.remove(segment.id()); // re-inserted last, so a completed segment follows what it completes
        documents.put(segment.id(), new Stored(segment, offset));
        lastIngestMillis = Math.max(lastIngestMillis, ingestMillis);
        revision++;
        startTime = Double.isNaN(startTime) ? segment.startTime() : Math.min(startTime, segment.startTime());
        summary = Summaries.summarize(this);
    }

    List<Stored> documents() {
        return List.copyOf(documents.values());
    }

    List<Segment> segments() {
        List<Segment> segments = new ArrayList<>(documents.size());
        documents.values().forEach(stored -> segments.add(stored.segment()));
        return segments;
    }

    long startMillis() {
        return (long) Math.floor(startTime * 1000);
    }

    /** Seconds since the epoch encoded in the trace id ({@code 1-<8 hex>-...}). */
    long traceIdEpochSeconds() {
        return Long.parseLong(traceId.substring(2, 10), 16);
    }
}
