/**
 * The load harness's workloads: one class per measured operation, each implementing {@link
 * io.watchpost.bench.workload.Workload} and listed in {@link io.watchpost.bench.workload.Workloads}, plus the SDK
 * clients they call through ({@link io.watchpost.bench.workload.ServiceClients}).
 */
package io.watchpost.bench.workload;
