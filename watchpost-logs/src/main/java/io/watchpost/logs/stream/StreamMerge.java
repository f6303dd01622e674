package io.watchpost.logs.stream;

import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.EventPosition;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges several streams of one group by event position (timestamp, then ingestion order; positions are unique
 * within a group), reading each stream's index a chunk at a time and loading messages one chunk at a time, so a
 * page over many streams never holds more than a chunk per stream in memory.
 */
final class StreamMerge {
    private final LogEventStore store;
    private final Scope scope;
    private final LogGroupInfo group;
    private final long from;
    private final long to;
    private final int chunk;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.peek().compareTo(b.peek()));
    private final List<String> streams;

    private final class Head {
        final String stream;
        final ArrayDeque<EventPosition> buffer = new ArrayDeque<>();
        EventPosition cursor;
        boolean done;

        Head(String stream, EventPosition after) {
            this.stream = stream;
            this.cursor = after;
        }

        EventPosition peek() {
            return buffer.peekFirst();
        }

        /** Refills an empty buffer; false when the stream has nothing more. */
        boolean fill() {
            if (buffer.isEmpty() && !done) {
                List<EventPosition> more = store.positions(scope, group, stream, from, to, cursor, true, chunk);
                buffer.addAll(more);
                done = more.size() < chunk;
                if (!more.isEmpty()) {
                    cursor = more.get(more.size() - 1);
                }
            }
            return !buffer.isEmpty();
        }
    }

    StreamMerge(LogEventStore store, Scope scope, LogGroupInfo group, List<String> streams, long from, long to,
            EventPosition after, int chunk) {
        this.store = store;
        this.scope = scope;
        this.group = group;
        this.from = from;
        this.to = to;
        this.chunk = chunk;
        this.streams = streams;
        for (String stream : streams) {
            Head head = new Head(stream, after);
            if (head.fill()) {
                heads.add(head);
            }
        }
    }

    /** The next events in merged order, at most {@code max} and at most one chunk; empty at the end. */
    List<StoredEvent> next(int max) {
        int n = Math.min(max, chunk);
        List<String> order = new ArrayList<>(n);
        Map<String, List<EventPosition>> byStream = new HashMap<>();
        while (order.size() < n && !heads.isEmpty()) {
            Head head = heads.poll();
            EventPosition position = head.buffer.pollFirst();
            order.add(head.stream);
            byStream.computeIfAbsent(head.stream, s -> new ArrayList<>()).add(position);
            if (head.fill()) {
                heads.add(head);
            }
        }
        Map<String, ArrayDeque<StoredEvent>> loaded = new HashMap<>();
        byStream.forEach((stream, positions) ->
                loaded.put(stream, new ArrayDeque<>(store.load(scope, group, stream, positions))));
        List<StoredEvent> events = new ArrayList<>(order.size());
        for (String stream : order) {
            StoredEvent event = loaded.get(stream).pollFirst();
            if (event != null) {
                events.add(event); // null only when retention removed the record meanwhile
            }
        }
        return events;
    }

    /** Whether any of the streams has an event after {@code position} in the range. */
    boolean hasMoreAfter(EventPosition position) {
        for (String stream : streams) {
            if (!store.positions(scope, group, stream, from, to, position, true, 1).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
