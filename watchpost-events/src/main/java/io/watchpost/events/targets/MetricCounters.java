package io.watchpost.events.targets;

import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivery counters summed between flushes, so that a busy target costs one datapoint per series and flush rather
 * than one per attempt. <b>Thread-safety:</b> {@link #add} from any thread, concurrently with {@link #flush}; a
 * count added during a flush lands in that flush or the next, never in neither. Keys are bounded by the number of
 * (rule, metric) pairs; a series that saw nothing since the last flush sends nothing (AWS sends these only when
 * non-zero).
 */
final class MetricCounters {
    private record Key(Scope scope, String metric, Map<String, String> dimensions) {}

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void add(Scope scope, String metric, Map<String, String> dimensions) {
        counts.computeIfAbsent(new Key(scope, metric, dimensions), k -> new LongAdder()).increment();
    }

    /** Sends every non-zero count, one {@link MetricSink#put} per scope. */
    void flush(MetricSink sink, Instant at) {
        Map<Scope, List<MetricDatum>> byScope = new HashMap<>();
        for (Map.Entry<Key, LongAdder> entry : counts.entrySet()) {
            long n = entry.getValue().sumThenReset();
            if (n > 0) {
                Key key = entry.getKey();
                byScope.computeIfAbsent(key.scope(), s -> new ArrayList<>())
                        .add(EventsMetrics.count(key.metric(), key.dimensions(), at, n));
            }
        }
        byScope.forEach(sink::put);
    }
}
