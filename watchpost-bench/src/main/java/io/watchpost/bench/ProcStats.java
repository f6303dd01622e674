package io.watchpost.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory and CPU time of a server process and its descendants, read from Linux's
 * {@code /proc/<pid>/status} ({@code VmRSS}) and {@code /proc/<pid>/stat} ({@code utime + stime}, fields 14 and
 * 15, in clock ticks). Descendants count because a launcher script or a worker process may do the serving.
 */
final class ProcStats {
    /** One reading: resident bytes and CPU ticks (user + system) summed over the process tree. */
    record Sample(long rssBytes, long cpuTicks) {}

    private final Path proc;
    private final long ticksPerSecond;

    ProcStats(Path proc, long ticksPerSecond) {
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The real {@code /proc}, with the kernel's tick rate ({@code getconf CLK_TCK}, 100 when that fails). */
    static ProcStats system() {
        return new ProcStats(Path.of("/proc"), clockTicks());
    }

    /** A reading of {@code pid} and its live descendants, or empty when {@code pid} is not readable. */
    Optional<Sample> sample(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().limit(64).forEach(d -> pids.add(d.pid())));
        long rss = 0;
        long ticks = 0;
        for (int i = 0; i < pids.size(); i++) {
            Optional<Sample> one = sampleOne(pids.get(i));
            if (one.isEmpty()) {
                if (i == 0) {
                    return Optional.empty();
                }
                continue; // a descendant that just exited
            }
            rss += one.get().rssBytes();
            ticks += one.get().cpuTicks();
        }
        return Optional.of(new Sample(rss, ticks));
    }

    Optional<Sample> sampleOne(long pid) {
        try {
            Path dir = proc.resolve(Long.toString(pid));
            String status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            return Optional.of(new Sample(rssKibibytes(status) * 1024, cpuTicks(stat)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** CPU time of {@code ticks} clock ticks, in nanoseconds. */
    long ticksToNanos(long ticks) {
        return ticks * TimeUnit.SECONDS.toNanos(1) / ticksPerSecond;
    }

    /** The {@code VmRSS} line of a status file, in KiB (0 for a zombie, which has none). */
    static long rssKibibytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: " + line);
                }
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }

    /**
     * {@code utime + stime} of a stat line. The command name (field 2) is in parentheses and may itself hold
     * spaces and parentheses, so fields are counted after the last {@code ')'}: state is then field 3.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("no command name in stat line");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("stat line has " + fields.length + " fields after the name");
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            if (getconf.waitFor(2, TimeUnit.SECONDS)) {
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                long value = Long.parseLong(out);
                if (value > 0) {
                    return value;
                }
            } else {
                getconf.destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to Linux's usual USER_HZ
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
