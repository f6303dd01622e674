package io.watchpost.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RecordLog#append} throughput with 200-byte values (a log event's size in the load harness), default
 * config ({@code process} durability, 64 MiB segments), in a fresh temporary directory per trial. Segment
 * rolls, and so zstd sealing, happen inside the measurement as they do in the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RecordLogBenchmarks {
    private final byte[] key = "bench-group/stream-1".getBytes(UTF_8);
    private final byte[] value = new byte[200];
    private Path directory;
    private RecordLog log;
    private long timestamp;

    @Setup(Level.Trial)
    public void open() throws IOException {
        byte[] text = "2026-01-01T00:00:00Z INFO request served path=/checkout status=200 ".getBytes(UTF_8);
        for (int i = 0; i < value.length; i++) {
            value[i] = text[i % text.length];
        }
        Arrays.fill(value, 180, 200, (byte) 'x');
        directory = Files.createTempDirectory("watchpost-jmh-recordlog");
        log = RecordLog.open(directory, RecordLogConfig.defaults());
        timestamp = 1_767_225_600_000L;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One append of a 200-byte record; returns the offset so the call cannot be optimized away. */
    @Benchmark
    public long append200Bytes() throws IOException {
        return log.append(timestamp++, key, value);
    }
}
