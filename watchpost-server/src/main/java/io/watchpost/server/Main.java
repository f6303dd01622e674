package io.watchpost.server;

import io.watchpost.server.config.ConfigLoader;
import io.watchpost.server.config.ServerConfig;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code ./watchpost}: loads the configuration (exit 2 listing every problem), starts, runs until stopped. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        ConfigLoader.Result result = ConfigLoader.load(args, System.getenv());
        PrintStream out = System.out;
        if (result.helpRequested()) {
            out.print(ConfigLoader.USAGE);
            return;
        }
        if (result.config().isEmpty()) {
            System.err.println("watchpost: invalid configuration:");
            result.problems().forEach(problem -> System.err.println("  - " + problem));
            System.err.print(ConfigLoader.USAGE);
            System.exit(2);
            return;
        }
        ServerConfig config = result.config().get();
        long started = System.nanoTime();
        Watchpost watchpost = Watchpost.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                watchpost.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "watchpost-shutdown"));
        out.printf("Watchpost %s listening on http://%s:%d, X-Ray daemon on %s (auth %s, account %s, data %s)"
                + " in %d ms%n", Watchpost.version(), config.host(), watchpost.port(),
                watchpost.xrayDaemonPort() < 0 ? "no port" : "udp/tcp " + watchpost.xrayDaemonPort(),
                config.auth().mode().name().toLowerCase(),
                config.auth().defaultAccountId(), config.dataDir().toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }
}
