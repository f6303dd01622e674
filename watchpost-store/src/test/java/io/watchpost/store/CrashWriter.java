package io.watchpost.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process of {@link KillNineTest}: writes to a state journal and a record log as fast as it can and
 * prints {@code ack <i>} after both writes for {@code i} have returned. Write {@code i} is state key
 * {@code k<i>} and log offset {@code i}; a restarted child resumes at the log's next offset. It never exits
 * on its own before the parent kills it (the loop bound is only a safety net).
 *
 * <p>Small segments and a small compaction threshold make rolls and compactions happen while it is killed.
 */
public final class CrashWriter {
    static final int SAFETY_LIMIT = 2_000_000;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        PrintStream out = new PrintStream(System.out, false, UTF_8);
        try (StateJournal journal = StateJournal.open(directory.resolve("state"), new StateJournalConfig(durability, 16_384));
                RecordLog log = RecordLog.open(directory.resolve("log"),
                        RecordLogConfig.defaults().withDurability(durability).withSegmentBytes(8_192).withBlockBytes(1_024))) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            out.println("ready");
            out.flush();
            for (int i = (int) log.nextOffset(); i < SAFETY_LIMIT; i++) {
                String key = "k" + i;
                alarms.put(key, Alarm.named(key));
                long offset = log.append(i, key.getBytes(UTF_8), ("value-" + i).getBytes(UTF_8));
                if (offset != i) {
                    throw new IllegalStateException("offset " + offset + " for write " + i);
                }
                out.println("ack " + i);
                out.flush();
            }
        }
    }
}
