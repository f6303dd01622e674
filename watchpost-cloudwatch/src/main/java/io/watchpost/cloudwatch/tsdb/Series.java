package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One series in memory: per unit, the cells of every {@link Tier}. Thread-safety: every method is synchronized on
 * the series; writers of different series never contend.
 */
final class Series {
    private static final Tier[] TIERS = Tier.values();

    final SeriesKey key;
    private final Map<String, TierCells[]> units = new HashMap<>(2);
    private long lastArrivalMillis = Long.MIN_VALUE;

    Series(SeriesKey key) {
        this.key = requireNonNull(key, "key is null");
    }

    /** Aggregates one datum into every tier that still keeps its time (the hot path). */
    synchronized void apply(Datum datum, long arrivalMillis, long nowMillis) {
        lastArrivalMillis = Math.max(lastArrivalMillis, arrivalMillis);
        TierCells[] tiers = tiers(datum.unit());
        long second = Math.floorDiv(datum.timestampMillis(), 1000);
        for (Tier tier : TIERS) {
            if (tier == Tier.SECOND && !datum.highResolution()) {
                continue;
            }
            long start = tier.cellStart(second);
            if (start < tier.oldestKept(nowMillis)) {
                continue;
            }
            addTo(tiers[tier.ordinal()].cellForWrite(start), datum);
        }
    }

    private static void addTo(Cell cell, Datum datum) {
        if (datum.statisticSet().isPresent()) {
            Datum.StatisticSet set = datum.statisticSet().get();
            cell.addStatisticSet(set.sampleCount(), set.sum(), set.minimum(), set.maximum());
            return;
        }
        double[] values = datum.values();
        double[] counts = datum.counts();
        for (int i = 0; i < values.length; i++) {
            cell.add(values[i], counts == null ? 1 : counts[i]);
        }
    }

    /** Recovery: the stored state of one cell replaces what memory has. */
    synchronized void restore(String unit, Tier tier, long start, Cell cell, long arrivalMillis) {
        lastArrivalMillis = Math.max(lastArrivalMillis, arrivalMillis);
        tiers(unit)[tier.ordinal()].cells.put(start, cell);
    }

    synchronized void markAllDirty() {
        for (TierCells[] tiers : units.values()) {
            for (TierCells cells : tiers) {
                cells.dirty.addAll(cells.cells.keySet());
            }
        }
    }

    /** Drops expired cells; returns whether anything is left. */
    synchronized boolean dropExpired(long nowMillis) {
        boolean any = false;
        for (TierCells[] tiers : units.values()) {
            for (Tier tier : TIERS) {
                TierCells cells = tiers[tier.ordinal()];
                cells.dropOlderThan(tier.oldestKept(nowMillis));
                any |= !cells.cells.isEmpty();
            }
        }
        return any;
    }

    synchronized long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /**
     * Per matching unit, the cells of {@code tier} starting in {@code [from, end)} merged into periods
     * {@code [origin + k * period, origin + (k + 1) * period)}, keyed by period start; units without data are left out.
     */
    synchronized Map<String, NavigableMap<Long, Cell>> aggregate(Optional<String> unit, Tier tier, long origin,
            long from, long end, int period) {
        Map<String, NavigableMap<Long, Cell>> result = new HashMap<>(2);
        if (from >= end) {
            return result;
        }
        for (Map.Entry<String, TierCells[]> entry : units.entrySet()) {
            if (unit.isPresent() && !unit.get().equals(entry.getKey())) {
                continue;
            }
            NavigableMap<Long, Cell> periods = new TreeMap<>();
            for (Map.Entry<Long, Cell> cell : entry.getValue()[tier.ordinal()].cells
                    .subMap(from, true, end, false).entrySet()) {
                long periodStart = origin + Math.floorDiv(cell.getKey() - origin, period) * period;
                periods.computeIfAbsent(periodStart, start -> new Cell()).merge(cell.getValue());
            }
            if (!periods.isEmpty()) {
                result.put(entry.getKey(), periods);
            }
        }
        return result;
    }

    /** Copies of the cells written since the last call (or all cells), and forgets that they were dirty. */
    synchronized List<BlockSection> snapshot(boolean dirtyOnly) {
        List<BlockSection> sections = new ArrayList<>();
        for (Map.Entry<String, TierCells[]> entry : units.entrySet()) {
            List<BlockSection.TierSection> tierSections = new ArrayList<>();
            for (Tier tier : TIERS) {
                TierCells cells = entry.getValue()[tier.ordinal()];
                BlockSection.TierSection section = dirtyOnly ? dirtySection(tier, cells) : fullSection(tier, cells);
                cells.dirty.clear();
                if (section.starts().length > 0) {
                    tierSections.add(section);
                }
            }
            if (!tierSections.isEmpty()) {
                sections.add(new BlockSection(key, entry.getKey(), lastArrivalMillis, tierSections));
            }
        }
        return sections;
    }

    private static BlockSection.TierSection dirtySection(Tier tier, TierCells cells) {
        long[] starts = cells.dirty.stream().mapToLong(Long::longValue).filter(cells.cells::containsKey)
                .sorted().toArray();
        Cell[] copies = new Cell[starts.length];
        for (int i = 0; i < starts.length; i++) {
            copies[i] = cells.cells.get(starts[i]).copy();
        }
        return new BlockSection.TierSection(tier, starts, copies);
    }

    private static BlockSection.TierSection fullSection(Tier tier, TierCells cells) {
        long[] starts = new long[cells.cells.size()];
        Cell[] copies = new Cell[starts.length];
        int i = 0;
        for (Map.Entry<Long, Cell> entry : cells.cells.entrySet()) {
            starts[i] = entry.getKey();
            copies[i++] = entry.getValue().copy();
        }
        return new BlockSection.TierSection(tier, starts, copies);
    }

    private TierCells[] tiers(String unit) {
        TierCells[] tiers = units.get(unit);
        if (tiers == null) {
            tiers = new TierCells[TIERS.length];
            for (int i = 0; i < tiers.length; i++) {
                tiers[i] = new TierCells();
            }
            units.put(unit, tiers);
        }
        return tiers;
    }
}
