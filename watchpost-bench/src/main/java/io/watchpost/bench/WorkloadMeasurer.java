package io.watchpost.bench;

import io.watchpost.bench.workload.Workload;
import io.watchpost.bench.workload.WorkloadSpec;
import io.watchpost.bench.workload.Workloads;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Measures one workload on every endpoint: resets launched servers ({@code POST /moto-api/reset}, which both
 * Watchpost in development mode and moto serve), seeds each endpoint (a failure skips the workload there), warms
 * each up once, then runs the measured rounds alternating endpoints (A, B, A, B …) so that drift on the machine
 * (other load, thermal state) falls on both alike; finally reads memory and tears down.
 */
final class WorkloadMeasurer {
    private static final Duration RESET_TIMEOUT = Duration.ofSeconds(30);

    private final BenchArgs args;
    private final LoadRunner runner;
    private final ProcStats proc;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WorkloadMeasurer(BenchArgs args, LoadRunner runner, ProcStats proc, PrintStream log) {
        this.args = args;
        this.runner = runner;
        this.proc = proc;
        this.log = log;
    }

    /** The rows of {@code name}, one per endpoint in endpoint order. */
    List<ResultTable.Row> measure(String name, List<Endpoint> endpoints, String runId) {
        Map<Endpoint, Workload> ready = new LinkedHashMap<>();
        Map<Endpoint, String> skipped = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            setUp(name, endpoint, new WorkloadSpec(args.concurrency(), runId), skipped)
                    .ifPresent(workload -> ready.put(endpoint, workload));
        }
        Map<Endpoint, Tally> tallies = new LinkedHashMap<>();
        ready.keySet().forEach(endpoint -> tallies.put(endpoint, new Tally()));
        for (int round = 0; round < args.rounds(); round++) {
            for (Map.Entry<Endpoint, Workload> entry : ready.entrySet()) {
                Tally tally = tallies.get(entry.getKey());
                if (round == 0 || !tally.aborted()) { // an endpoint that only fails needs no more rounds
                    measureRound(entry.getValue(), entry.getKey(), tally, round);
                }
            }
        }
        ready.forEach((endpoint, workload) -> finish(workload, endpoint, tallies.get(endpoint)));
        List<ResultTable.Row> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            rows.add(ready.containsKey(endpoint) ? tallies.get(endpoint).row(name, endpoint.name())
                    : ResultTable.Row.skipped(name, endpoint.name(), skipped.get(endpoint)));
        }
        return rows;
    }

    /** The set-up workload, or empty with the reason put into {@code skipped}. */
    private Optional<Workload> setUp(String name, Endpoint endpoint, WorkloadSpec spec, Map<Endpoint, String> skipped) {
        endpoint.server().ifPresent(server -> reset(endpoint.uri()));
        Workload workload = Workloads.create(name, spec);
        long begin = System.nanoTime();
        try {
            workload.setup(endpoint.clients());
            log.printf("bench: %s on %s: set up in %.1f s%n", name, endpoint.name(), (System.nanoTime() - begin) / 1e9);
            return Optional.of(workload);
        } catch (Exception e) {
            String note = "setup failed: " + ErrorCodes.detail(e);
            skipped.put(endpoint, note);
            log.printf("bench: %s on %s: %s; skipped there%n", name, endpoint.name(), note);
            return Optional.empty();
        }
    }

    private void measureRound(Workload workload, Endpoint endpoint, Tally tally, int round) {
        if (round == 0 && !args.warmup().isZero()) {
            runner.run(workload, endpoint.clients(), args.warmup());
        }
        Optional<ProcStats.Sample> before = sample(endpoint);
        LoadRunner.Outcome outcome = runner.run(workload, endpoint.clients(), args.roundDuration());
        Optional<ProcStats.Sample> after = sample(endpoint);
        OptionalLong cpu = before.isPresent() && after.isPresent()
                ? OptionalLong.of(proc.ticksToNanos(after.get().cpuTicks() - before.get().cpuTicks()))
                : OptionalLong.empty();
        tally.add(outcome, cpu);
        log.printf("bench: %s on %s, round %d/%d: %d ok, %d errors%s%n", workload.name(), endpoint.name(), round + 1,
                args.rounds(), outcome.successes(), outcome.errors(),
                outcome.firstError() == null ? "" : " (first: " + outcome.firstError() + ")");
    }

    private void finish(Workload workload, Endpoint endpoint, Tally tally) {
        sample(endpoint).ifPresent(s -> tally.rssAfterLoad(s.rssBytes()));
        try {
            workload.teardown(endpoint.clients());
        } catch (RuntimeException e) {
            // Best effort: a launched server is reset before the next workload anyway.
        }
    }

    private Optional<ProcStats.Sample> sample(Endpoint endpoint) {
        return endpoint.pid().isPresent() ? proc.sample(endpoint.pid().getAsLong()) : Optional.empty();
    }

    private void reset(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/moto-api/reset"))
                .timeout(RESET_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.printf("bench: reset of %s answered %d: %s%n", uri, response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            log.printf("bench: reset of %s failed: %s%n", uri, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
