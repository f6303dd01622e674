/**
 * The load harness: starts or connects to endpoints, runs the same workloads against each (alternating rounds),
 * and prints throughput, latency, errors and server resource use side by side ({@code ./watchpost bench},
 * docs/benchmarks.md). A client only: it starts the server as a process and never links it.
 */
package io.watchpost.bench;
