package io.watchpost.logs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The in-memory index of one stream: every visible event's position, sorted (timestamp, then ingestion order), in
 * two parallel primitive arrays (20 bytes per event, no object per event). Rebuilt at startup by scanning the
 * group's record log. Not thread-safe: its {@link GroupLog} guards it.
 */
final class StreamIndex {
    private long[] timestamps = new long[16];
    private long[] refs = new long[16];
    private int[] sizes = new int[16];
    private int size;
    private long bytes;
    private long lastIngestionTime = -1;

    int size() {
        return size;
    }

    /** Adds a batch's positions (any order); appending stays O(batch) when batches arrive in time order. */
    void add(long[] batchTimestamps, long[] batchRefs, int[] batchSizes, int count, long ingestionTime) {
        grow(size + count);
        int before = size;
        System.arraycopy(batchTimestamps, 0, timestamps, size, count);
        System.arraycopy(batchRefs, 0, refs, size, count);
        System.arraycopy(batchSizes, 0, sizes, size, count);
        for (int i = 0; i < count; i++) {
            bytes += batchSizes[i];
        }
        size += count;
        lastIngestionTime = Math.max(lastIngestionTime, ingestionTime);
        if (!sorted(Math.max(before - 1, 0))) {
            sortAll();
        }
    }

    /** Drops every position older than {@code cutoff} (retention). */
    void dropBefore(long cutoff) {
        int keep = lowerBound(new EventPosition(cutoff, Long.MIN_VALUE));
        if (keep == 0) {
            return;
        }
        System.arraycopy(timestamps, keep, timestamps, 0, size - keep);
        System.arraycopy(refs, keep, refs, 0, size - keep);
        for (int i = 0; i < keep; i++) {
            bytes -= sizes[i];
        }
        System.arraycopy(sizes, keep, sizes, 0, size - keep);
        size -= keep;
    }

    /** Index of the first position {@code >= position}. */
    int lowerBound(EventPosition position) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compareAt(mid, position) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    EventPosition at(int i) {
        return new EventPosition(timestamps[i], refs[i]);
    }

    long timestampAt(int i) {
        return timestamps[i];
    }

    /** Positions {@code [from, to)} of the index, in order. */
    List<EventPosition> slice(int from, int to) {
        List<EventPosition> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(at(i));
        }
        return out;
    }

    /** The UTF-8 message bytes of the indexed events (storedBytes: uncompressed, as ingested). */
    long bytes() {
        return bytes;
    }

    OptionalLong firstTimestamp(long visibleFrom) {
        int first = lowerBound(new EventPosition(visibleFrom, Long.MIN_VALUE));
        return first < size ? OptionalLong.of(timestamps[first]) : OptionalLong.empty();
    }

    OptionalLong lastTimestamp(long visibleFrom) {
        return size > 0 && timestamps[size - 1] >= visibleFrom ? OptionalLong.of(timestamps[size - 1])
                : OptionalLong.empty();
    }

    OptionalLong lastIngestionTime() {
        return lastIngestionTime < 0 ? OptionalLong.empty() : OptionalLong.of(lastIngestionTime);
    }

    private int compareAt(int i, EventPosition position) {
        int byTime = Long.compare(timestamps[i], position.timestamp());
        return byTime != 0 ? byTime : Long.compare(refs[i], position.ref());
    }

    private boolean sorted(int from) {
        for (int i = from + 1; i < size; i++) {
            int byTime = Long.compare(timestamps[i - 1], timestamps[i]);
            if (byTime > 0 || (byTime == 0 && refs[i - 1] > refs[i])) {
                return false;
            }
        }
        return true;
    }

    /** Rare (a batch older than the newest stored event): sorts the pairs by (timestamp, ref). */
    private void sortAll() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byTime = Long.compare(timestamps[a], timestamps[b]);
            return byTime != 0 ? byTime : Long.compare(refs[a], refs[b]);
        });
        long[] newTimestamps = new long[timestamps.length];
        long[] newRefs = new long[refs.length];
        int[] newSizes = new int[sizes.length];
        for (int i = 0; i < size; i++) {
            newTimestamps[i] = timestamps[order[i]];
            newRefs[i] = refs[order[i]];
            newSizes[i] = sizes[order[i]];
        }
        timestamps = newTimestamps;
        refs = newRefs;
        sizes = newSizes;
    }

    private void grow(int needed) {
        if (needed > timestamps.length) {
            int capacity = Math.max(needed, timestamps.length * 2);
            timestamps = java.util.Arrays.copyOf(timestamps, capacity);
            refs = java.util.Arrays.copyOf(refs, capacity);
            sizes = java.util.Arrays.copyOf(sizes, capacity);
        }
    }
}
