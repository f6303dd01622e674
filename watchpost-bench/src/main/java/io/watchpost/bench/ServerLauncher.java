package io.watchpost.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the servers the harness compares, each on 127.0.0.1, a free port and a fresh temporary directory.
 * Output goes to a log file in that directory (a pipe nobody reads would eventually block the server).
 */
final class ServerLauncher {
    private ServerLauncher() {}

    /** The Watchpost jar on the JDK that runs the harness, with a fresh data directory. */
    static LaunchedServer watchpost(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no server jar at " + jar.toAbsolutePath()
                    + " (build it: ./mvnw -q -DskipTests package -pl watchpost-server -am)");
        }
        int port = freePort();
        Path workDir = Files.createTempDirectory("watchpost-bench-watchpost");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // zstd-jni is native code: say so, or JDK 22+ warns when the first segment is sealed.
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar",
                jar.toAbsolutePath().toString(), "--port", Integer.toString(port),
                "--data-dir", workDir.resolve("data").toString(), "--xray-daemon-port", "0");
        return start("watchpost", port, command, workDir);
    }

    /**
     * moto's server, started as {@code <python> -m moto.server} (what the {@code moto_server} script runs) with the
     * interpreter's absolute path resolved beforehand, so that a version manager's shim (pyenv) does not add its
     * own start-up to moto's start-up time.
     */
    static LaunchedServer moto(MotoPython python) throws IOException {
        String executable = python.executable();
        int port = freePort();
        Path workDir = Files.createTempDirectory("watchpost-bench-moto");
        List<String> command = List.of(executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port));
        return start("moto", port, command, workDir);
    }

    private static LaunchedServer start(String name, int port, List<String> command, Path workDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LaunchedServer.logFile(workDir).toFile());
        long startNanos = System.nanoTime();
        Process process = builder.start();
        return new LaunchedServer(name, URI.create("http://127.0.0.1:" + port), process, workDir, startNanos);
    }

    /** A python interpreter that can import moto: its absolute path and moto's version. */
    record MotoPython(String executable, String motoVersion) {}

    /** Asks {@code python} for its {@code sys.executable} and moto's version (failing when moto is missing). */
    static MotoPython resolvePython(String python) throws IOException {
        List<String> command = new ArrayList<>(List.of(python, "-c",
                "import sys, moto; print(moto.__version__); print(sys.executable)"));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new IOException(python + " did not answer within 60 s");
            }
        } catch (InterruptedException e) {
            probe.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing " + python, e);
        }
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (probe.exitValue() != 0) {
            throw new IOException(python + " cannot import moto (pip install 'moto[server]'): " + lastLine(out));
        }
        String[] lines = out.split("\n");
        if (lines.length < 2) {
            throw new IOException(python + " printed no moto version and path: " + out);
        }
        return new MotoPython(lines[lines.length - 1].trim(), lines[lines.length - 2].trim());
    }

    private static String lastLine(String text) {
        int newline = text.lastIndexOf('\n');
        return newline < 0 ? text : text.substring(newline + 1);
    }

    /** A port that was free a moment ago on 127.0.0.1 (the server binds it right after). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
