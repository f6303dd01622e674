package io.watchpost.bench;

import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * The figures of one workload on one endpoint, accumulated over its measured rounds (warm-up is never added).
 * Confined to the run's main thread.
 */
final class Tally {
    private final Histogram latencies = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
    private long successes;
    private long errors;
    private String firstError;
    private long elapsedNanos;
    private long cpuNanos;
    private boolean cpuKnown = true;
    private long rssBytes = -1;
    private boolean aborted;

    /** Adds one measured round; {@code cpuNanos} is the server's CPU time during it, when known. */
    void add(LoadRunner.Outcome outcome, OptionalLong roundCpuNanos) {
        latencies.add(outcome.latencies());
        successes += outcome.successes();
        errors += outcome.errors();
        if (firstError == null) {
            firstError = outcome.firstError();
        }
        elapsedNanos += outcome.elapsedNanos();
        aborted |= outcome.aborted();
        if (roundCpuNanos.isPresent()) {
            cpuNanos += roundCpuNanos.getAsLong();
        } else {
            cpuKnown = false;
        }
    }

    void rssAfterLoad(long bytes) {
        rssBytes = bytes;
    }

    boolean aborted() {
        return aborted;
    }

    /** The row of the result table. */
    ResultTable.Row row(String workload, String endpoint) {
        double seconds = elapsedNanos / 1e9;
        long calls = successes + errors;
        boolean timed = successes > 0;
        return new ResultTable.Row(workload, endpoint,
                seconds > 0 ? successes / seconds : Double.NaN,
                timed ? latencies.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                timed ? latencies.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                timed ? latencies.getValueAtPercentile(99.9) / 1000.0 : Double.NaN,
                errors, firstError == null ? "" : firstError + (aborted ? ", stopped early" : ""),
                cpuKnown && calls > 0 ? cpuNanos / 1000.0 / calls : Double.NaN,
                rssBytes >= 0 ? rssBytes / (1024.0 * 1024.0) : Double.NaN,
                "");
    }
}
