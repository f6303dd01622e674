package io.watchpost.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real write failures, no mocks: a child JVM runs under {@code ulimit -f}, so a write that crosses the limit
 * is cut short and then fails. A failed write must leave memory unchanged and the file without garbage,
 * so everything acknowledged before it (and nothing else) is there after a restart.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedWriteLeavesNeitherMemoryNorFileAheadOfWhatWasAcknowledged() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for ulimit");
        Path stderr = dir.resolve("child.stderr");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // 64 blocks of 512 bytes: a 32 KiB file-size limit; the JVM ignores SIGXFSZ, so write() fails with EFBIG.
        Process child = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"", java,
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DiskFullWriter.class.getName(), dir.toString())
                .redirectError(stderr.toFile())
                .start();
        assertThat(child.waitFor(45, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(child.getInputStream().readAllBytes(), UTF_8).lines().toList();
        assertThat(child.exitValue()).as("child stderr: %s", Files.readString(stderr)).isZero();

        String[] state = lines.get(0).split(" ");
        int stateAcked = Integer.parseInt(state[1]);
        assertThat(state[0]).isEqualTo("state");
        assertThat(stateAcked).isPositive();
        assertThat(state[2]).as("memory unchanged by the failed put").isEqualTo("true");
        try (StateJournal journal = StateJournal.open(dir.resolve("state"), Durability.PROCESS)) {
            assertThat(journal.table("t", String.class).size()).isEqualTo(stateAcked);
        }

        String[] log = lines.get(1).split(" ");
        long logAcked = Long.parseLong(log[1]);
        assertThat(logAcked).isPositive();
        assertThat(log).containsExactly("log", log[1], log[1], log[1]);
        try (RecordLog reopened = RecordLog.open(dir.resolve("log"), RecordLogConfig.defaults())) {
            assertThat(reopened.nextOffset()).isEqualTo(logAcked);
            assertThat(reopened.read(0, Integer.MAX_VALUE)).hasSize((int) logAcked);
        }
    }
}
