package io.watchpost.bench.jmh;

import io.watchpost.cloudwatch.tsdb.Datum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated metric datapoints for the store benchmarks and the footprint measurement: one value per series per
 * minute, a gauge that drifts like a latency (a random walk rounded to 0.1, as real instrumentation reports), so
 * the value compression is neither the best case (constant) nor the worst (random doubles).
 */
final class MetricPoints {
    static final String NAMESPACE = "Bench/Store";

    private MetricPoints() {}

    /** The dimensions of series {@code s}: a service and a host, as a typical fleet metric has. */
    static Map<String, String> dimensions(int s) {
        return Map.of("Service", "checkout", "Host", "host-" + s);
    }

    /**
     * {@code minutes} batches, batch {@code m} holding one datapoint for each of {@code series} series at minute
     * {@code m} after {@code startMillis}.
     */
    static List<List<Datum>> minuteBatches(int series, int minutes, long startMillis, long seed) {
        return minuteBatches(series, minutes, startMillis, seed, 0.1);
    }

    /**
     * As {@link #minuteBatches(int, int, long, long)}, values rounded to multiples of {@code step}; a step of 0
     * makes every series constant (the compression's best case).
     */
    static List<List<Datum>> minuteBatches(int series, int minutes, long startMillis, long seed, double step) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] level = new double[series];
        List<Map<String, String>> dims = new ArrayList<>(series);
        for (int s = 0; s < series; s++) {
            level[s] = 40 + s % 20;
            dims.add(dimensions(s));
        }
        List<List<Datum>> batches = new ArrayList<>(minutes);
        for (int m = 0; m < minutes; m++) {
            List<Datum> batch = new ArrayList<>(series);
            for (int s = 0; s < series; s++) {
                level[s] = step == 0 ? level[s] : Math.max(1, level[s] + random.nextDouble(-2, 2));
                double value = step == 0 ? level[s] : Math.round(level[s] / step) / (1 / step); // exact decimals, as 45.3
                batch.add(Datum.value(NAMESPACE, "Latency", dims.get(s), "Milliseconds",
                        startMillis + m * 60_000L, false, value));
            }
            batches.add(batch);
        }
        return batches;
    }
}
