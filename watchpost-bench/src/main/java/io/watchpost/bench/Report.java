package io.watchpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The printed result of a run: what ran where, the start-up table, the load table and notes on gaps. */
final class Report {
    private Report() {}

    static String render(BenchArgs args, String commandLine, Optional<String> motoVersion, List<Endpoint> endpoints,
                         List<ResultTable.Row> rows) {
        StringBuilder out = new StringBuilder("\n## watchpost-bench, ").append(BenchRun.timestamp()).append("\n\n");
        out.append("- command: `").append(commandLine).append("`\n");
        out.append("- machine: ").append(machine()).append('\n');
        out.append("- endpoints: ");
        List<String> names = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String kind = endpoint.server().isPresent() ? "started by the harness" : "external";
            String version = endpoint.name().equals("moto") && endpoint.server().isPresent()
                    ? ", moto " + motoVersion.orElse("?") : "";
            names.add(endpoint.name() + " (" + endpoint.uri() + ", " + kind + version + ")");
        }
        out.append(String.join("; ", names)).append('\n');
        out.append(String.format(Locale.ROOT, "- load: %d closed-loop workers per endpoint (SDK v2 sync clients, "
                        + "Apache HTTP keep-alive, no retries); %s measured per workload per endpoint in %d "
                        + "alternating rounds after %s of warm-up%n%n",
                args.concurrency(), human(args.duration()), args.rounds(), human(args.warmup())));
        out.append("### Start-up (process start → first successful DescribeLogGroups) and idle memory\n\n");
        out.append(ResultTable.renderStartup(endpoints.stream().map(Endpoint::startup).toList())).append('\n');
        out.append("### Load\n\n");
        out.append(ResultTable.render(rows)).append('\n');
        out.append("Ratios in parentheses: value ÷ the value of the first endpoint that served the workload (the "
                + "row without a ratio). req/s counts "
                + "successful calls; latencies are of successful calls; server CPU is user+system time of the server "
                + "process tree during the measured rounds, divided by all calls; RSS is read after the workload.\n");
        List<String> notes = notes(rows);
        if (!notes.isEmpty()) {
            out.append("\nNot served:\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** {@code 5 s}, or {@code 1500 ms} when not whole seconds. */
    static String human(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** One line per workload an endpoint skipped or answered only with errors. */
    static List<String> notes(List<ResultTable.Row> rows) {
        List<String> notes = new ArrayList<>();
        for (ResultTable.Row row : rows) {
            if (!row.note().isEmpty()) {
                notes.add(row.workload() + " on " + row.endpoint() + ": skipped, " + row.note());
            } else if (!row.served()) {
                notes.add(row.workload() + " on " + row.endpoint() + ": every call failed ("
                        + (row.firstError().isEmpty() ? "no call completed" : row.firstError()) + ")");
            }
        }
        return notes;
    }

    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(kb.replace("kB", "").trim()) / 1048576.0))
                .orElse("unknown memory");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", JDK "
                + Runtime.version() + " (harness and Watchpost)";
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the caller says "unknown"
        }
        return Optional.empty();
    }
}
