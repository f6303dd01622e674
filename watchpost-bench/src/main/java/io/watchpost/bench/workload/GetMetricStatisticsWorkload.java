package io.watchpost.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * GetMetricStatistics of one metric over the last 24 hours at 60-second periods with all five statistics:
 * 1,440 datapoints per answer, AWS's maximum. Setup seeds one datapoint per minute.
 */
final class GetMetricStatisticsWorkload implements Workload {
    static final int POINTS = 1_440;
    private static final int SEED_BATCH = 20; // the smallest PutMetricData limit any endpoint has had
    private final String namespace;
    private final Dimension dimension;
    private Instant start = Instant.EPOCH;

    GetMetricStatisticsWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/Stats/" + spec.runId();
        this.dimension = Dimension.builder().name("Service").value("checkout").build();
    }

    @Override
    public String name() {
        return "GetMetricStatistics";
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

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.cloudWatch().getMetricStatistics(r -> r.namespace(namespace).metricName("Latency")
                .dimensions(dimension).startTime(start).endTime(start.plus(Duration.ofMinutes(POINTS)))
                .period(60)
                .statistics(Statistic.AVERAGE, Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MINIMUM,
                        Statistic.MAXIMUM));
    }
}
