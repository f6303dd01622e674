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
 * GetMetricData of one series over 24 hours at 60 s ({@code MetricStat}, Average): 1,440 datapoints per answer.
 * Setup seeds one datapoint per minute, 20 per PutMetricData call.
 */
final class GetMetricDataWorkload implements Workload {
    static final int POINTS = 1_440;
    private static final int SEED_BATCH = 20;
    private final String namespace;
    private final Dimension dimension = Dimension.builder().name("Service").value("checkout").build();
    private Instant start = Instant.EPOCH;

    GetMetricDataWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/GMD/" + spec.runId();
    }

    @Override
    public String name() {
        return "GetMetricData";
    }

    @Override
    public void setup(ServiceClients clients) {
        start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(POINTS));
        for (int batch = 0; batch < POINTS / SEED_BATCH; batch++) {
            List<MetricDatum> datums = new ArrayList<>(SEED_BATCH);
            for (int i = 0; i < SEED_BATCH; i++) {
                int minute = batch * SEED_BATCH + i;
                datums.add(MetricDatum.builder().metricName("Latency").dimensions(dimension)
                        .timestamp(start.plus(Duration.ofMinutes(minute))).value(5.0 + minute % 50).build());
            }
            clients.cloudWatch().putMetricData(r -> r.namespace(namespace).metricData(datums));
        }
    }

    static MetricDataQuery query(String namespace, Dimension dimension) {
        return MetricDataQuery.builder().id("m1").metricStat(s -> s.period(60).stat("Average")
                .metric(m -> m.namespace(namespace).metricName("Latency").dimensions(dimension))).build();
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.cloudWatch().getMetricData(r -> r.metricDataQueries(query(namespace, dimension))
                .startTime(start).endTime(start.plus(Duration.ofMinutes(POINTS))));
    }
}
