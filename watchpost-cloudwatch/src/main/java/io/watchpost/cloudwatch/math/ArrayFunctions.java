package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** SORT, SLICE, FIRST and LAST over arrays of series. */
final class ArrayFunctions {
    private ArrayFunctions() {}

    /**
     * Orders by the reduction {@code by} of each series (empty series last in either order; ties keep their
     * input order), then keeps the first {@code limit}.
     */
    static Value sort(List<TimeSeries> array, Fn by, boolean descending, Optional<Double> limit) {
        record Keyed(TimeSeries series, double key) {}
        List<Keyed> keyed = new ArrayList<>();
        for (TimeSeries s : array) {
            keyed.add(new Keyed(s, Aggregates.overTime(by, s)));
        }
        Comparator<Keyed> order = Comparator.comparingDouble(Keyed::key);
        Comparator<Keyed> direction = descending ? order.reversed() : order;
        keyed.sort(Comparator.comparing((Keyed k) -> Double.isNaN(k.key())).thenComparing(direction));
        int keep = keyed.size();
        if (limit.isPresent()) {
            double l = limit.get();
            if (!(l >= 0) || l != Math.rint(l)) {
                throw new MathException("SORT limit must be a non-negative whole number", 0);
            }
            keep = (int) Math.min(keep, l);
        }
        return new Value.Many(keyed.subList(0, keep).stream().map(Keyed::series).toList());
    }

    /** Elements {@code [from, to)}, zero-based, clamped to the array. */
    static Value slice(List<TimeSeries> array, double from, double to) {
        if (from != Math.rint(from) || (!Double.isInfinite(to) && to != Math.rint(to)) || from < 0 || to < 0) {
            throw new MathException("SLICE bounds must be non-negative whole numbers", 0);
        }
        int start = (int) Math.min(from, array.size());
        int end = (int) Math.min(to, array.size());
        return new Value.Many(end <= start ? List.of() : array.subList(start, end));
    }

    static TimeSeries firstOrLast(List<TimeSeries> array, boolean first, int defaultPeriod) {
        if (array.isEmpty()) {
            return TimeSeries.empty(SeriesInfo.derived(defaultPeriod));
        }
        return first ? array.getFirst() : array.getLast();
    }
}
