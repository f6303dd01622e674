package io.watchpost.xray.traces;

import io.watchpost.core.Scope;
import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory index of every trace in the log, per account and region: by trace id (whose fixed-width hex epoch
 * makes id order the order of {@code TimeRangeType=TraceId}) and by start time ({@code Event}). Rebuilt at startup
 * by scanning the log. Thread-safety: every method holds the index's monitor; {@link TraceState}s are only touched
 * under it, and what leaves it is immutable (summaries, copied lists).
 */
final class TraceIndex {
    private final Map<String, ScopeTraces> scopes = new HashMap<>();

    /** The traces of one account and region. */
    private static final class ScopeTraces {
        final NavigableMap<String, TraceState> byId = new TreeMap<>();
        final NavigableMap<String, TraceState> byStart = new TreeMap<>();
    }

    /** One trace found by a time-range query, with its position for paging. */
    record Hit(String position, TraceState trace) {}

    synchronized void add(Scope scope, Segment segment, long offset, long ingestMillis) {
        ScopeTraces traces = scopes.computeIfAbsent(scope.keyPrefix(), k -> new ScopeTraces());
        TraceState trace = traces.byId.computeIfAbsent(segment.traceId(), id -> new TraceState(scope, id));
        if (!Double.isNaN(trace.startTime)) {
            traces.byStart.remove(startKey(trace));
        }
        trace.add(segment, offset, ingestMillis);
        traces.byStart.put(startKey(trace), trace);
    }

    synchronized Optional<TraceState> get(Scope scope, String traceId) {
        ScopeTraces traces = scopes.get(scope.keyPrefix());
        return traces == null ? Optional.empty() : Optional.ofNullable(traces.byId.get(traceId));
    }

    /** Summaries and documents of a trace, read together so they agree. */
    synchronized <T> Optional<T> read(Scope scope, String traceId, java.util.function.Function<TraceState, T> reader) {
        return get(scope, traceId).map(reader);
    }

    /**
     * Traces whose time ({@code byTraceId}: the trace id's epoch, else the start time) is in {@code [from, to)},
     * in that order, after {@code after} (a position from an earlier page, or null), at most {@code limit}.
     */
    synchronized List<Hit> range(Scope scope, boolean byTraceId, long fromMillis, long toMillis, String after,
            int limit, int[] processed) {
        ScopeTraces traces = scopes.get(scope.keyPrefix());
        List<Hit> hits = new ArrayList<>();
        if (traces == null) {
            return hits;
        }
        NavigableMap<String, TraceState> view = byTraceId
                ? traces.byId.subMap(idBound(fromMillis), true, idBound(toMillis), false)
                : traces.byStart.subMap(startKey(fromMillis, ""), true, startKey(toMillis, ""), false);
        processed[0] = view.size();
        if (after != null) {
            view = view.tailMap(after, false);
        }
        for (Map.Entry<String, TraceState> entry : view.entrySet()) {
            if (hits.size() == limit) {
                break;
            }
            hits.add(new Hit(entry.getKey(), entry.getValue()));
        }
        return hits;
    }

    /** Forgets traces whose last segment arrived before {@code cutoffMillis}; returns how many. */
    synchronized int expire(long cutoffMillis) {
        int expired = 0;
        for (ScopeTraces traces : scopes.values()) {
            Iterator<TraceState> it = traces.byId.values().iterator();
            while (it.hasNext()) {
                TraceState trace = it.next();
                if (trace.lastIngestMillis < cutoffMillis) {
                    it.remove();
                    traces.byStart.remove(startKey(trace));
                    expired++;
                }
            }
        }
        return expired;
    }

    synchronized int size() {
        return scopes.values().stream().mapToInt(traces -> traces.byId.size()).sum();
    }

    private static String idBound(long millis) {
        long seconds = Math.floorDiv(Math.max(0, millis) + 999, 1000);
        return "1-" + String.format("%08x", Math.min(seconds, 0xffffffffL));
    }

    private static String startKey(TraceState trace) {
        return startKey(trace.startMillis(), trace.traceId);
    }

    /** Sign-flipped fixed-width hex keeps string order equal to numeric order. */
    private static String startKey(long millis, String traceId) {
        return String.format("%016x/%s", millis ^ Long.MIN_VALUE, traceId);
    }
}
