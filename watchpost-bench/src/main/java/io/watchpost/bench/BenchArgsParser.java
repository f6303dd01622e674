package io.watchpost.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the harness's command line. Every problem is collected and reported at once (STYLE §12); values are
 * bounded so that a typo cannot start an hour-long or thousand-thread run.
 */
final class BenchArgsParser {
    static final String USAGE = """
            Usage: ./watchpost bench [options]
              --targets watchpost,moto     servers to start on 127.0.0.1 and free ports (default: both,
                                           or none when --endpoint is given)
              --endpoint NAME=URL          an already-running endpoint, e.g. local=http://127.0.0.1:4566 (repeatable)
              --pid NAME=PID               the server process of an --endpoint, for RSS and CPU figures (repeatable)
              --workloads all|A,B,...      workloads to run (default all): %s
              --concurrency N              worker threads per endpoint, 1..256 (default 4)
              --duration 20s               measured time per workload per endpoint (default 20s; ms, s, m)
              --warmup 5s                  unmeasured load before the first round (default 5s)
              --rounds N                   rounds per workload; endpoints alternate A, B, A, B (default 2)
              --server-jar PATH            Watchpost jar (default watchpost-server/target/watchpost-server.jar)
              --python CMD                 the python3 that has moto installed (default python3)
              --jmh [JMH options]          run the JMH engine benchmarks instead (e.g. --jmh Codec -f 1)
              --footprint                  measure stored bytes per metric datapoint and per raw log byte instead
            """;
    static final int MAX_CONCURRENCY = 256;
    static final int MAX_ROUNDS = 100;
    static final Duration MAX_DURATION = Duration.ofHours(1);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    private final List<String> knownWorkloads;

    BenchArgsParser(List<String> knownWorkloads) {
        this.knownWorkloads = List.copyOf(knownWorkloads);
    }

    /** The parsed arguments, or the problems that prevent them; {@code help} when usage was asked for. */
    record Result(Optional<BenchArgs> args, List<String> problems, boolean help) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    String usage() {
        return USAGE.formatted(String.join(", ", knownWorkloads));
    }

    Result parse(String[] argv) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> flags = flags(argv, problems);
        if (flags.containsKey("help")) {
            return new Result(Optional.empty(), List.of(), true);
        }
        List<BenchArgs.ExternalEndpoint> endpoints = endpoints(flags.getOrDefault("endpoint", List.of()), problems);
        List<String> launch = targets(flags, endpoints.isEmpty(), problems);
        Map<String, Long> pids = pids(flags.getOrDefault("pid", List.of()), endpoints, problems);
        List<String> workloads = workloads(single(flags, "workloads", "all", problems), problems);
        int concurrency = integer(single(flags, "concurrency", "4", problems), "--concurrency", MAX_CONCURRENCY, problems);
        int rounds = integer(single(flags, "rounds", "2", problems), "--rounds", MAX_ROUNDS, problems);
        Duration duration = duration(single(flags, "duration", "20s", problems), "--duration", false, problems);
        Duration warmup = duration(single(flags, "warmup", "5s", problems), "--warmup", true, problems);
        Path jar = Path.of(single(flags, "server-jar", "watchpost-server/target/watchpost-server.jar", problems));
        String python = single(flags, "python", "python3", problems);
        if (launch.isEmpty() && endpoints.isEmpty()) {
            problems.add("nothing to measure: give --targets or --endpoint");
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems, false);
        }
        return new Result(Optional.of(new BenchArgs(launch, endpoints, pids, workloads, concurrency, duration,
                warmup, rounds, jar, python)), List.of(), false);
    }

    private static Map<String, List<String>> flags(String[] argv, List<String> problems) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                flags.put("help", List.of());
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument: " + arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                value = argv[++i];
            } else {
                problems.add("--" + name + " needs a value");
                continue;
            }
            flags.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        List<String> known = List.of("targets", "endpoint", "pid", "workloads", "concurrency", "duration", "warmup",
                "rounds", "server-jar", "python");
        flags.keySet().stream().filter(f -> !f.equals("help") && !known.contains(f))
                .forEach(f -> problems.add("unknown option --" + f));
        return flags;
    }

    private static String single(Map<String, List<String>> flags, String name, String fallback, List<String> problems) {
        List<String> values = flags.getOrDefault(name, List.of());
        if (values.size() > 1) {
            problems.add("--" + name + " is given more than once");
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    private static List<String> targets(Map<String, List<String>> flags, boolean noEndpoints, List<String> problems) {
        String fallback = noEndpoints ? String.join(",", BenchArgs.LAUNCHABLE) : "";
        List<String> targets = new ArrayList<>();
        for (String target : names(single(flags, "targets", fallback, problems))) {
            String name = target.toLowerCase(Locale.ROOT);
            if (!BenchArgs.LAUNCHABLE.contains(name)) {
                problems.add("unknown target '" + target + "' (known: " + String.join(", ", BenchArgs.LAUNCHABLE) + ")");
            } else if (targets.contains(name)) {
                problems.add("target '" + name + "' is given twice");
            } else {
                targets.add(name);
            }
        }
        return targets;
    }

    private static List<BenchArgs.ExternalEndpoint> endpoints(List<String> values, List<String> problems) {
        List<BenchArgs.ExternalEndpoint> endpoints = new ArrayList<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                problems.add("--endpoint must be NAME=URL: " + value);
                continue;
            }
            String name = value.substring(0, eq);
            try {
                URI uri = new URI(value.substring(eq + 1));
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add("--endpoint " + name + " needs an http(s)://host:port URL: " + uri);
                } else if (BenchArgs.LAUNCHABLE.contains(name) || endpoints.stream().anyMatch(e -> e.name().equals(name))) {
                    problems.add("endpoint name '" + name + "' is already taken");
                } else {
                    endpoints.add(new BenchArgs.ExternalEndpoint(name, uri));
                }
            } catch (URISyntaxException e) {
                problems.add("--endpoint " + name + " has a malformed URL: " + e.getMessage());
            }
        }
        return endpoints;
    }

    private static Map<String, Long> pids(List<String> values, List<BenchArgs.ExternalEndpoint> endpoints,
                                          List<String> problems) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String name = eq > 0 ? value.substring(0, eq) : "";
            if (eq <= 0 || endpoints.stream().noneMatch(e -> e.name().equals(name))) {
                problems.add("--pid must be NAME=PID for an --endpoint NAME: " + value);
                continue;
            }
            try {
                pids.put(name, Long.parseLong(value.substring(eq + 1)));
            } catch (NumberFormatException e) {
                problems.add("--pid " + name + " is not a number: " + value.substring(eq + 1));
            }
        }
        return pids;
    }

    private List<String> workloads(String value, List<String> problems) {
        if (value.equalsIgnoreCase("all")) {
            return knownWorkloads;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : names(value)) {
            Optional<String> known = knownWorkloads.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
            if (known.isEmpty()) {
                problems.add("unknown workload '" + name + "' (known: " + String.join(", ", knownWorkloads) + ")");
            } else if (!chosen.contains(known.get())) {
                chosen.add(known.get());
            }
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add("--workloads names no workload");
        }
        return chosen;
    }

    private static int integer(String text, String flag, int max, List<String> problems) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(flag + " must be a whole number from 1 to " + max + ": " + text);
        return 1;
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m}, or a bare number of seconds. */
    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return Optional.of(switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        });
    }

    private static Duration duration(String text, String flag, boolean zeroAllowed, List<String> problems) {
        Optional<Duration> parsed = parseDuration(text);
        if (parsed.isEmpty() || parsed.get().compareTo(MAX_DURATION) > 0 || (!zeroAllowed && parsed.get().isZero())) {
            problems.add(flag + " must be a duration such as 500ms, 20s or 2m, " + (zeroAllowed ? "" : "above 0 and ")
                    + "at most 1h: " + text);
            return Duration.ofSeconds(1);
        }
        return parsed.get();
    }

    private static List<String> names(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }
}
