package io.watchpost.cloudwatch.tsdb;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** The cells of one series, unit and tier, by period start (epoch seconds), and which changed since the last flush. */
final class TierCells {
    final TreeMap<Long, Cell> cells = new TreeMap<>();
    final Set<Long> dirty = new HashSet<>();

    Cell cellForWrite(long start) {
        Cell cell = cells.get(start);
        if (cell == null) {
            cell = new Cell();
            cells.put(start, cell);
        }
        dirty.add(start);
        return cell;
    }

    void dropOlderThan(long oldestKept) {
        cells.headMap(oldestKept, false).clear();
        dirty.removeIf(start -> start < oldestKept);
    }
}
