package io.watchpost.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.logs.filter.FilterPattern;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link FilterPattern#matches} over 10,000 generated lines (1 in 1,000 matches), one thread: the per-core scan
 * rate of FilterLogEvents's filter step, without storage or decompression. The primary score is lines/s
 * ({@code @OperationsPerInvocation}); the secondary {@code :bytes} score is raw UTF-8 bytes of message text
 * scanned per second, i.e. the MB/s figure.
 *
 * <ul>
 *   <li>{@code term}: {@code ERROR} over space-delimited lines;
 *   <li>{@code json}: {@code { $.level = "ERROR" && $.http.status >= 500 }} over JSON lines;
 *   <li>{@code delimited}: {@code [time, level = ERROR, ...]} over space-delimited lines.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FilterPatternBenchmarks {
    static final int LINES = 10_000;

    @Param({"term", "json", "delimited"})
    public String kind;

    private FilterPattern pattern;
    private String[] lines;
    private long bytesPerPass;

    /** Bytes scanned, reported by JMH as a rate next to the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void prepare() {
        pattern = FilterPattern.compile(switch (kind) {
            case "term" -> "ERROR";
            case "json" -> "{ $.level = \"ERROR\" && $.http.status >= 500 }";
            case "delimited" -> "[time, level = ERROR, ...]";
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        });
        lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = kind.equals("json") ? LogLines.json(i) : LogLines.spaceDelimited(i);
            bytesPerPass += lines[i].getBytes(UTF_8).length;
        }
        int matched = scan();
        if (matched != LINES / LogLines.MATCH_EVERY) {
            throw new IllegalStateException(kind + " matched " + matched + " of " + LINES + " lines");
        }
    }

    private int scan() {
        int matched = 0;
        for (String line : lines) {
            if (pattern.matches(line)) {
                matched++;
            }
        }
        return matched;
    }

    /** One pass over every line; returns the match count so the work cannot be optimized away. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public int scanLines(Scanned scanned) {
        scanned.bytes += bytesPerPass;
        return scan();
    }
}
