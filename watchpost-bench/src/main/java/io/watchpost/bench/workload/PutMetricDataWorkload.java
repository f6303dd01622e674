package io.watchpost.bench.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** PutMetricData with 20 metrics per call (two dimensions each), timestamped now: the metric write path. */
final class PutMetricDataWorkload implements Workload {
    static final int METRICS_PER_CALL = 20;
    private final String namespace;

    PutMetricDataWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/Put/" + spec.runId();
    }

    @Override
    public String name() {
        return "PutMetricData";
    }

    @Override
    public void setup(ServiceClients clients) {
        // Nothing to seed: the first datapoint creates the metric.
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.cloudWatch().putMetricData(r -> r.namespace(namespace).metricData(datums(worker, Instant.now())));
    }

    static List<MetricDatum> datums(int worker, Instant timestamp) {
        List<MetricDatum> datums = new ArrayList<>(METRICS_PER_CALL);
        for (int i = 0; i < METRICS_PER_CALL; i++) {
            datums.add(MetricDatum.builder()
                    .metricName("Latency" + i)
                    .dimensions(Dimension.builder().name("Service").value("checkout").build(),
                            Dimension.builder().name("Worker").value("w" + worker).build())
                    .timestamp(timestamp)
                    .value(10.0 + i)
                    .unit(StandardUnit.MILLISECONDS)
                    .build());
        }
        return datums;
    }
}
