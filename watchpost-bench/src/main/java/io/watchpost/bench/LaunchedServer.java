package io.watchpost.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process the harness started, with its private work directory (data directory and output log).
 * {@link #close} stops the process tree (TERM, then KILL after a bounded wait) and deletes the directory; it is
 * idempotent and thread-safe, because the shutdown hook (Ctrl-C) may race the normal end of the run.
 */
final class LaunchedServer implements AutoCloseable {
    private static final long STOP_WAIT_SECONDS = 10;

    private final String name;
    private final URI uri;
    private final Process process;
    private final Path workDir;
    private final long startNanos;
    private boolean closed;

    LaunchedServer(String name, URI uri, Process process, Path workDir, long startNanos) {
        this.name = name;
        this.uri = uri;
        this.process = process;
        this.workDir = workDir;
        this.startNanos = startNanos;
    }

    String name() {
        return name;
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@link System#nanoTime()} just before the process was started. */
    long startNanos() {
        return startNanos;
    }

    static Path logFile(Path workDir) {
        return workDir.resolve("server.log");
    }

    /** The last lines the server wrote, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(workDir), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(workDir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("bench: could not delete " + root + ": " + e.getMessage());
        }
    }
}
