package io.watchpost.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a writing child JVM with SIGKILL, several times over the same directories, and checks after each
 * kill that every write it acknowledged survives. Under {@link Durability#PROCESS} acknowledged data sits
 * in the kernel's page cache, which a process kill does not lose; {@link Durability#MACHINE} must pass too.
 * Bounded by acknowledgement counts, never by sleeping.
 */
class KillNineTest {
    private static final int ROUNDS = 2;
    private static final int ACKS_PER_ROUND = 250;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Durability.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesSigkill(Durability durability) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int lastAck = runAndKill(durability, round);
            assertStateHas(durability, lastAck);
            assertLogHas(lastAck);
        }
    }

    /** Starts a child, waits for its acknowledgements, kills it and returns the last acknowledged write. */
    private int runAndKill(Durability durability, int round) throws Exception {
        Path stderr = dir.resolve("child-" + round + ".stderr");
        Process child = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(), durability.name())
                .redirectError(stderr.toFile())
                .start();
        int acks = 0;
        int lastAck = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            for (String line = out.readLine(); line != null && acks < ACKS_PER_ROUND; line = out.readLine()) {
                if (line.startsWith("ack ")) {
                    lastAck = Integer.parseInt(line.substring(4));
                    acks++;
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acks).as("acks before the child died; stderr: %s", Files.readString(stderr)).isEqualTo(ACKS_PER_ROUND);
        return lastAck;
    }

    private void assertStateHas(Durability durability, int lastAck) throws IOException {
        try (StateJournal journal = StateJournal.open(dir.resolve("state"), durability)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            for (int i = 0; i <= lastAck; i++) {
                assertThat(alarms.get("k" + i)).as("state k%d", i).contains(Alarm.named("k" + i));
            }
        }
    }

    private void assertLogHas(int lastAck) throws IOException {
        try (RecordLog log = RecordLog.open(dir.resolve("log"), RecordLogConfig.defaults())) {
            List<LogRecord> records = log.read(0, Integer.MAX_VALUE);
            assertThat(records.size()).isGreaterThan(lastAck);
            for (int i = 0; i < records.size(); i++) {
                LogRecord record = records.get(i);
                assertThat(record.offset()).isEqualTo(i);
                assertThat(new String(record.key(), UTF_8)).isEqualTo("k" + i);
                assertThat(new String(record.value(), UTF_8)).isEqualTo("value-" + i);
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("cannot find the java binary"));
    }
}
