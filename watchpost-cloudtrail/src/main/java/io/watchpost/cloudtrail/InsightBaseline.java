package io.watchpost.cloudtrail;

import java.util.ArrayDeque;

/**
 * The baseline of one series: per-minute counts over the previous {@link #WINDOW_MINUTES} minutes (AWS: seven
 * days), kept sparse (minutes with no calls are implicit zeros) with a running sum and sum of squares, and the
 * insight currently open on it, if any. Not thread-safe: only the detector (the scheduler's thread) uses it.
 */
final class InsightBaseline {
    static final int WINDOW_MINUTES = 7 * 24 * 60;

    private final ArrayDeque<long[]> minutes = new ArrayDeque<>(); // {minuteMillis, count}, oldest first
    private double sum;
    private double sumOfSquares;
    Open open;

    /**
     * An insight in progress: its first minute, the baseline average it was measured against, calls so far, and the
     * baseline window's attributions (the End event repeats them: AWS measures both against the seven days before
     * the start).
     */
    record Open(long startMillis, double baselineAverage, long total, int duration, String sharedEventId,
            InsightAttributions.Counts baselineCounts) {
        Open plus(long count) {
            return new Open(startMillis, baselineAverage, total + count, duration + 1, sharedEventId, baselineCounts);
        }
    }

    double average() {
        return sum / WINDOW_MINUTES;
    }

    double standardDeviation() {
        double mean = average();
        return Math.sqrt(Math.max(0, sumOfSquares / WINDOW_MINUTES - mean * mean));
    }

    /** Adds a minute's count (minutes are added in increasing order) and drops minutes older than the window. */
    void add(long minuteMillis, long count) {
        long horizon = minuteMillis - (WINDOW_MINUTES - 1) * 60_000L;
        while (!minutes.isEmpty() && minutes.peekFirst()[0] < horizon) {
            long old = minutes.pollFirst()[1];
            sum -= old;
            sumOfSquares -= (double) old * old;
        }
        if (count > 0) {
            minutes.addLast(new long[] {minuteMillis, count});
            sum += count;
            sumOfSquares += (double) count * count;
        }
    }

    /** True when nothing is left to remember: no calls in the window and no open insight. */
    boolean idle() {
        return minutes.isEmpty() && open == null;
    }
}
