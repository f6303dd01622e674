package io.watchpost.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of the load harness: start (or connect to) the endpoints, measure every workload on each, print the
 * tables to {@code out} (progress goes to {@code log}), and stop what it started, also on failure and on Ctrl-C
 * (a shutdown hook closes the launched servers; closing is idempotent).
 */
final class BenchRun {
    /** Per-call bound; FilterLogEvents over 100k events on a slow endpoint takes seconds, not minutes. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Per-round bound on calls, far above what a 2-core machine serves in an hour. */
    static final long MAX_CALLS_PER_ROUND = 50_000_000L;

    private final BenchArgs args;
    private final String commandLine;
    private final ProcStats proc;
    private final PrintStream out;
    private final PrintStream log;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

    BenchRun(BenchArgs args, String commandLine, ProcStats proc, PrintStream out, PrintStream log) {
        this.args = args;
        this.commandLine = commandLine;
        this.proc = proc;
        this.out = out;
        this.log = log;
    }

    /** Runs everything; the exit status (0 when the tables were printed). */
    int run() {
        Thread hook = new Thread(this::closeAll, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Optional<String> motoVersion = startEndpoints();
            String runId = Long.toString(System.currentTimeMillis(), 36);
            WorkloadMeasurer measurer = new WorkloadMeasurer(args,
                    new LoadRunner(args.concurrency(), MAX_CALLS_PER_ROUND, CALL_TIMEOUT), proc, log);
            List<ResultTable.Row> rows = new ArrayList<>();
            for (String workload : args.workloads()) {
                rows.addAll(measurer.measure(workload, endpoints, runId));
            }
            out.print(Report.render(args, commandLine, motoVersion, endpoints, rows));
            return 0;
        } catch (IOException e) {
            log.println("bench: " + e.getMessage());
            return 1;
        } finally {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or has run
            }
        }
    }

    /** Launches the --targets, then connects to the --endpoints; moto's version when moto was started. */
    private Optional<String> startEndpoints() throws IOException {
        EndpointStarter starter = new EndpointStarter(proc, args.concurrency() + 2, CALL_TIMEOUT, log);
        Optional<String> motoVersion = Optional.empty();
        for (String target : args.launch()) {
            log.println("bench: starting " + target + "...");
            LaunchedServer server;
            if (target.equals("moto")) {
                ServerLauncher.MotoPython python = ServerLauncher.resolvePython(args.python());
                motoVersion = Optional.of(python.motoVersion());
                server = ServerLauncher.moto(python);
            } else {
                server = ServerLauncher.watchpost(args.serverJar());
            }
            endpoints.add(starter.launched(server));
        }
        for (BenchArgs.ExternalEndpoint external : args.endpoints()) {
            Long pid = args.pids().get(external.name());
            endpoints.add(starter.external(external, pid == null ? OptionalLong.empty() : OptionalLong.of(pid)));
        }
        return motoVersion;
    }

    private void closeAll() {
        for (Endpoint endpoint : endpoints) {
            try {
                endpoint.close();
            } catch (RuntimeException e) {
                log.println("bench: stopping " + endpoint.name() + " failed: " + e);
            }
        }
    }

    static String timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
