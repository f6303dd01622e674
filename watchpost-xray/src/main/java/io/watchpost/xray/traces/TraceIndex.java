package io.watchpost.xray.traces;

import io.watchpost.core.Scope;
import io.watchpost.xray.filter.IndexHint;
import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory index of every trace in the log, per account and region: by trace id (whose fixed-width hex epoch
 * makes id order the order of {@code TimeRangeType=TraceId}), by start time ({@code Event}), and by
 * {@link IndexTerms} (service names, annotation keys and values) so that a filter expression naming a service or
 * an annotation tests only the traces that contain it. Rebuilt at startup by scanning the log. Thread-safety: every method holds the index's monitor; {@link TraceState}s are only touched
 * under it, and what leaves it is immutable (summaries, copied lists).
 */
final class TraceIndex {
    private final Map<String, ScopeTraces> scopes = new HashMap<>();

    /** The traces of one account and region. */
    private static final class ScopeTraces {
        final NavigableMap<String, TraceState> byId = new TreeMap<>();
        final NavigableMap<String, TraceState> byStart = new TreeMap<>();
        /** Traces by index term; the sets hold traces by identity. */
        final Map<String, Set<TraceState>> byTerm = new HashMap<>();
    }

    /**
     * A hint narrows the search only while it admits at most this share of the scope's traces; past it, walking
     * the time range in order is cheaper than sorting the candidates.
     */
    private static final int SELECTIVE_DIVISOR = 2;

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
        Set<String> terms = new HashSet<>();
        IndexTerms.of(segment, terms);
        for (String term : terms) {
            if (trace.terms.add(term)) {
                traces.byTerm.computeIfAbsent(term, t -> Collections.newSetFromMap(new IdentityHashMap<>())).add(trace);
            }
        }
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
                    unfile(traces, trace);
                    expired++;
                }
            }
        }
        return expired;
    }

    private static void unfile(ScopeTraces traces, TraceState trace) {
        for (String term : trace.terms) {
            Set<TraceState> filed = traces.byTerm.get(term);
            if (filed != null && filed.remove(trace) && filed.isEmpty()) {
                traces.byTerm.remove(term);
            }
        }
    }

    /**
     * The traces of the range that {@code hint} admits, in range order after {@code after}, all of them
     * ({@code processed} counts those in range); empty when the hint is not selective enough to beat
     * {@link #range}.
     */
    synchronized Optional<List<Hit>> candidates(Scope scope, IndexHint hint, boolean byTraceId, long fromMillis,
            long toMillis, String after, int[] processed) {
        ScopeTraces traces = scopes.get(scope.keyPrefix());
        if (traces == null) {
            return Optional.of(List.of());
        }
        Set<TraceState> admitted = admitted(traces, hint);
        if (admitted.size() > traces.byId.size() / SELECTIVE_DIVISOR) {
            return Optional.empty();
        }
        String from = byTraceId ? idBound(fromMillis) : startKey(fromMillis, "");
        String to = byTraceId ? idBound(toMillis) : startKey(toMillis, "");
        TreeMap<String, TraceState> inRange = new TreeMap<>();
        for (TraceState trace : admitted) {
            String key = byTraceId ? trace.traceId : startKey(trace);
            if (key.compareTo(from) >= 0 && key.compareTo(to) < 0) {
                inRange.put(key, trace);
            }
        }
        processed[0] = inRange.size();
        List<Hit> hits = new ArrayList<>();
        (after == null ? inRange : inRange.tailMap(after, false))
                .forEach((key, trace) -> hits.add(new Hit(key, trace)));
        return Optional.of(hits);
    }

    /** The traces a hint admits; the result may be one of the index's own sets, so it is read, never changed. */
    private static Set<TraceState> admitted(ScopeTraces traces, IndexHint hint) {
        return switch (hint) {
            case IndexHint.AllOf all -> {
                List<Set<TraceState>> sets = new ArrayList<>();
                all.hints().forEach(h -> sets.add(admitted(traces, h)));
                sets.sort(Comparator.comparingInt(Set::size));
                Set<TraceState> result = Collections.newSetFromMap(new IdentityHashMap<>());
                for (TraceState trace : sets.getFirst()) {
                    if (sets.stream().allMatch(set -> set.contains(trace))) {
                        result.add(trace);
                    }
                }
                yield result;
            }
            case IndexHint.AnyOf any -> {
                Set<TraceState> result = Collections.newSetFromMap(new IdentityHashMap<>());
                any.hints().forEach(h -> result.addAll(admitted(traces, h)));
                yield result;
            }
            default -> traces.byTerm.getOrDefault(IndexTerms.of(hint), Set.of());
        };
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
