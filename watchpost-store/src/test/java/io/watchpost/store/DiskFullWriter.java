package io.watchpost.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Child process of {@link DiskFullTest}, started under a file-size limit ({@code ulimit -f}), so writes past
 * the limit fail for real (EFBIG) after a partial write. It writes until a write fails and prints what it
 * saw, one line per store: {@code state <acked> <memory matches>} and {@code log <acked> <nextOffset> <readable>}.
 */
public final class DiskFullWriter {
    private static final int SAFETY_LIMIT = 100_000;

    private DiskFullWriter() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        String value = "x".repeat(1_000);
        try (StateJournal journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS)) {
            StateTable<String> table = journal.table("t", String.class);
            int acked = 0;
            String failed = null;
            for (int i = 0; i < SAFETY_LIMIT && failed == null; i++) {
                try {
                    table.put("k" + i, value);
                    acked++;
                } catch (UncheckedIOException e) {
                    failed = "k" + i;
                }
            }
            boolean memoryMatches = failed != null && table.get(failed).isEmpty() && table.size() == acked;
            System.out.println("state " + acked + " " + memoryMatches);
        }
        try (RecordLog log = RecordLog.open(directory.resolve("log"), RecordLogConfig.defaults())) {
            int acked = 0;
            for (int i = 0; i < SAFETY_LIMIT; i++) {
                try {
                    log.append(i, "k".getBytes(UTF_8), value.getBytes(UTF_8));
                    acked++;
                } catch (IOException e) {
                    break;
                }
            }
            System.out.println("log " + acked + " " + log.nextOffset() + " " + log.read(0, Integer.MAX_VALUE).size());
        }
    }
}
