package io.watchpost.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one run of the load harness does, as given on the command line ({@link BenchArgsParser}).
 *
 * @param launch servers the harness starts itself, in order ({@code watchpost}, {@code moto})
 * @param endpoints already-running endpoints, after the launched ones; the first endpoint of the run is the
 *     reference of the ratio columns
 * @param pids process ids of external endpoints, by endpoint name, for RSS and CPU figures
 * @param workloads canonical workload names, in run order
 * @param concurrency worker threads (one keep-alive connection each) per endpoint
 * @param duration measured time per workload per endpoint, split over {@code rounds}
 * @param warmup unmeasured load per workload per endpoint before its first round
 * @param rounds measured rounds per workload per endpoint; endpoints alternate round by round
 * @param serverJar the Watchpost server jar to start
 * @param python the python3 whose moto is started
 */
record BenchArgs(
        List<String> launch,
        List<ExternalEndpoint> endpoints,
        Map<String, Long> pids,
        List<String> workloads,
        int concurrency,
        Duration duration,
        Duration warmup,
        int rounds,
        Path serverJar,
        String python) {

    /** The server names {@code --targets} accepts. */
    static final List<String> LAUNCHABLE = List.of("watchpost", "moto");

    BenchArgs {
        launch = List.copyOf(launch);
        endpoints = List.copyOf(endpoints);
        pids = Map.copyOf(pids);
        workloads = List.copyOf(workloads);
        requireNonNull(duration, "duration is null");
        requireNonNull(warmup, "warmup is null");
        requireNonNull(serverJar, "serverJar is null");
        requireNonNull(python, "python is null");
    }

    /** Measured time of one round of one workload on one endpoint. */
    Duration roundDuration() {
        return duration.dividedBy(rounds);
    }

    /** An endpoint the harness does not start: {@code --endpoint name=http://host:port}. */
    record ExternalEndpoint(String name, URI uri) {
        ExternalEndpoint {
            requireNonNull(name, "name is null");
            requireNonNull(uri, "uri is null");
        }
    }
}
