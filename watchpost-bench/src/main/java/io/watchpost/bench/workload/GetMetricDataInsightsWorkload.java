package io.watchpost.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * GetMetricData with one Metrics Insights query over the same 100 series × 60 minutes as
 * {@link GetMetricDataSearchWorkload}: {@code SELECT AVG(Latency) FROM SCHEMA(ns, Host) GROUP BY Host ORDER BY
 * AVG() DESC LIMIT 10}, so each call reads all 100 series (Sum and SampleCount), aggregates and ranks them, and
 * answers the top 10. The call fails (counted, not hidden) unless it answers 10 series.
 */
final class GetMetricDataInsightsWorkload implements Workload {
    static final int TOP = 10;
    private static final int SEED_BATCH = 20;
    private final String namespace;
    private Instant start = Instant.EPOCH;

    GetMetricDataInsightsWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/Insights/" + spec.runId();
    }

    @Override
    public String name() {
        return "GetMetricDataInsights";
    }

    @Override
    public void setup(ServiceClients clients) {
        start = Instant.now().truncatedTo(ChronoUnit.MINUTES)
                .minus(Duration.ofMinutes(GetMetricDataSearchWorkload.MINUTES));
        List<MetricDatum> all = GetMetricDataSearchWorkload.seed(start);
        for (int from = 0; from < all.size(); from += SEED_BATCH) {
            List<MetricDatum> batch = all.subList(from, from + SEED_BATCH);
            clients.cloudWatch().putMetricData(r -> r.namespace(namespace).metricData(batch));
        }
    }

    static String query(String namespace) {
        return "SELECT AVG(Latency) FROM SCHEMA(\"" + namespace + "\", Host) GROUP BY Host ORDER BY AVG() DESC LIMIT "
                + TOP;
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        int series = clients.cloudWatch().getMetricData(r -> r
                .metricDataQueries(MetricDataQuery.builder().id("q1").expression(query(namespace)).period(60).build())
                .startTime(start).endTime(start.plus(Duration.ofMinutes(GetMetricDataSearchWorkload.MINUTES))))
                .metricDataResults().size();
        if (series != TOP) {
            throw new IllegalStateException("the Metrics Insights query answered " + series + " series, not " + TOP);
        }
    }
}
