package io.watchpost.bench;

import io.watchpost.bench.workload.Workloads;
import java.util.Arrays;

/**
 * The load harness's command line ({@code ./watchpost bench}); {@code --jmh ...} hands the rest of the arguments
 * to JMH's own runner for the engine micro-benchmarks. Usage: {@link BenchArgsParser#USAGE}.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        if (argv.length > 0 && argv[0].equals("--footprint")) {
            io.watchpost.bench.jmh.StorageFootprint.main(Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        if (argv.length > 0 && argv[0].equals("--event-latency")) {
            EventDeliveryLatency.main(Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        BenchArgsParser parser = new BenchArgsParser(Workloads.names());
        BenchArgsParser.Result parsed = parser.parse(argv);
        if (parsed.help()) {
            System.out.print(parser.usage());
            return;
        }
        if (parsed.args().isEmpty()) {
            parsed.problems().forEach(problem -> System.err.println("bench: " + problem));
            System.err.print(parser.usage());
            System.exit(2);
        }
        String commandLine = "./watchpost bench" + (argv.length == 0 ? "" : " " + String.join(" ", argv));
        int status = new BenchRun(parsed.args().get(), commandLine, ProcStats.system(), System.out, System.err).run();
        System.exit(status);
    }
}
