package io.watchpost.bench.workload;

import static java.util.Objects.requireNonNull;

/**
 * What a workload instance may depend on.
 *
 * @param workers how many threads call it at once
 * @param runId a short token unique to this run, part of every resource name so that runs against an external
 *     endpoint do not collide
 */
public record WorkloadSpec(int workers, String runId) {
    public WorkloadSpec {
        requireNonNull(runId, "runId is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
    }
}
