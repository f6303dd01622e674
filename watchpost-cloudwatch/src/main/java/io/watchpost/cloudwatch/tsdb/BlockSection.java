package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The cells of one series and unit as a block file stores them, per tier in ascending period order. */
record BlockSection(SeriesKey key, String unit, long lastArrivalMillis, List<TierSection> tiers) {
    BlockSection {
        requireNonNull(key, "key is null");
        requireNonNull(unit, "unit is null");
        tiers = List.copyOf(tiers);
    }

    /** Aligned arrays (not copied): {@code cells[i]} starts at {@code starts[i]}, ascending. */
    record TierSection(Tier tier, long[] starts, Cell[] cells) {}
}
