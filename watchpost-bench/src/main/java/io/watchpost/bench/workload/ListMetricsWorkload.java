package io.watchpost.bench.workload;

import java.time.Instant;

/** ListMetrics of one namespace holding 100 metrics (a control-plane read); setup seeds them. */
final class ListMetricsWorkload implements Workload {
    private static final int SEED_CALLS = 5; // × 20 metrics
    private final String namespace;

    ListMetricsWorkload(WorkloadSpec spec) {
        this.namespace = "Bench/List/" + spec.runId();
    }

    @Override
    public String name() {
        return "ListMetrics";
    }

    @Override
    public void setup(ServiceClients clients) {
        for (int worker = 0; worker < SEED_CALLS; worker++) {
            int seedWorker = worker;
            clients.cloudWatch().putMetricData(r -> r.namespace(namespace)
                    .metricData(PutMetricDataWorkload.datums(seedWorker, Instant.now())));
        }
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.cloudWatch().listMetrics(r -> r.namespace(namespace));
    }
}
