package io.watchpost.cloudtrail.lookup;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds one page of a query, newest first. The log is ordered by offset, not by time, and offers only forward time
 * scans; so the range is walked backwards in windows (1 hour, then doubling), each scanned forward, keeping the
 * {@code limit + 1} newest matches in a bounded heap. Windows are disjoint and each is older than the last, so once
 * the heap is full no older window can contribute and the walk stops. Segments and blocks outside a window are
 * skipped by the log's time index, so a page near "now" reads only recent blocks. This is LookupEvents' hot path:
 * per scanned record it decodes the small key and tests it; record JSON is only kept for the page's events.
 */
final class LookupScan {
    static final Duration FIRST_WINDOW = Duration.ofHours(1);

    /** Newest first: later event time, then higher offset. */
    static final Comparator<StoredEvent> NEWEST_FIRST = Comparator.comparingLong(StoredEvent::eventTimeMillis)
            .thenComparingLong(StoredEvent::offset).reversed();

    private final CloudTrailRecorder events;

    LookupScan(CloudTrailRecorder events) {
        this.events = events;
    }

    /** Up to {@code query.limit() + 1} matching events, newest first (one extra tells that a next page exists). */
    List<StoredEvent> page(LookupQuery query) throws IOException {
        int keep = query.limit() + 1;
        // Min-heap on recency: its head is the oldest kept event, evicted when something newer arrives.
        PriorityQueue<StoredEvent> newest = new PriorityQueue<>(keep + 1, NEWEST_FIRST.reversed());
        long upper = query.after().map(LookupQuery.Position::eventTimeMillis).orElse(query.endMillis());
        upper = Math.min(upper, query.endMillis()) + 1; // exclusive: the range's end is inclusive
        long window = FIRST_WINDOW.toMillis();
        while (upper > query.startMillis() && newest.size() < keep) {
            long lower = Math.max(query.startMillis(), upper - window);
            events.scan(lower, upper, event -> offer(query, event, newest, keep));
            upper = lower;
            window = Math.min(window * 2, Long.MAX_VALUE / 4);
        }
        List<StoredEvent> page = new ArrayList<>(newest);
        page.sort(NEWEST_FIRST);
        return page;
    }

    private static void offer(LookupQuery query, StoredEvent event, PriorityQueue<StoredEvent> newest, int keep) {
        if (query.after().isPresent() && !query.after().get().isBefore(event.eventTimeMillis(), event.offset())) {
            return;
        }
        if (!query.matches().test(event.key())) {
            return;
        }
        newest.add(event);
        if (newest.size() > keep) {
            newest.poll();
        }
    }
}
