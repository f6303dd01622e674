package io.watchpost.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * GetMetricData with one {@code SEARCH} expression matching 100 series (one metric, a {@code Host} dimension per
 * series) over the last hour at 60 s: 100 result series of 60 datapoints. Setup seeds 60 points per series.
 * The call fails with an error (counted, not hidden) if the answer does not hold the 100 series.
 */
final class GetMetricDataSearchWorkload implements Workload {
    static final int SERIES = 100;
    static final int MINUTES = 60;
    private static final int SEED_BATCH = 20;
    private final String namespace;
    private Instant start = Instant.EPOCH;

    GetMetricDataSearchWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/Search/" + spec.runId();
    }

    @Override
    public String name() {
        return "GetMetricDataSearch";
    }

    @Override
    public void setup(ServiceClients clients) {
        start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES));
        List<MetricDatum> all = seed(start);
        for (int from = 0; from < all.size(); from += SEED_BATCH) {
            List<MetricDatum> batch = all.subList(from, from + SEED_BATCH);
            clients.cloudWatch().putMetricData(r -> r.namespace(namespace).metricData(batch));
        }
    }

    static List<MetricDatum> seed(Instant start) {
        List<MetricDatum> datums = new ArrayList<>(SERIES * MINUTES);
        for (int minute = 0; minute < MINUTES; minute++) {
            for (int host = 0; host < SERIES; host++) {
                datums.add(MetricDatum.builder().metricName("Latency")
                        .dimensions(Dimension.builder().name("Host").value("host-" + host).build())
                        .timestamp(start.plus(Duration.ofMinutes(minute))).value(10.0 + (host + minute) % 40)
                        .build());
            }
        }
        return datums;
    }

    static String expression(String namespace) {
        return "SEARCH('{" + namespace + ",Host} MetricName=\"Latency\"', 'Average', 60)";
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        int series = clients.cloudWatch().getMetricData(r -> r
                .metricDataQueries(MetricDataQuery.builder().id("s1").expression(expression(namespace)).build())
                .startTime(start).endTime(start.plus(Duration.ofMinutes(MINUTES)))).metricDataResults().size();
        if (series != SERIES) {
            throw new IllegalStateException("SEARCH answered " + series + " series, not " + SERIES);
        }
    }
}
