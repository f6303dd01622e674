package io.watchpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateJournalRecoveryTest {
    @TempDir
    Path dir;

    /** Writes k0..k(n-1) and returns the journal size after each put (index 0: before any). */
    private List<Long> writeKeys(Path directory, int n) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (StateJournal journal = StateJournal.open(directory, Durability.PROCESS)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            sizes.add(Files.size(TestFiles.only(directory, ".log")));
            for (int i = 0; i < n; i++) {
                alarms.put("k" + i, Alarm.named("k" + i));
                sizes.add(Files.size(TestFiles.only(directory, ".log")));
            }
        }
        return sizes;
    }

    private static Map<String, Alarm> reopen(Path directory) throws IOException {
        try (StateJournal journal = StateJournal.open(directory, Durability.PROCESS)) {
            return Map.copyOf(journal.table("alarms", Alarm.class).view());
        }
    }

    @Test
    void everyCutInsideTheLastRecordRecoversThePreviousState() throws Exception {
        Path original = dir.resolve("original");
        List<Long> sizes = writeKeys(original, 3);
        long start = sizes.get(2);
        long end = sizes.get(3);
        for (long cut = start; cut < end; cut++) {
            Path copy = dir.resolve("cut-" + cut);
            TestFiles.copyDirectory(original, copy);
            TestFiles.truncate(TestFiles.only(copy, ".log"), cut);

            assertThat(reopen(copy)).as("cut at %d", cut).containsOnlyKeys("k0", "k1");
            assertThat(Files.size(TestFiles.only(copy, ".log"))).as("truncated at %d", cut).isEqualTo(start);
        }
    }

    @Test
    void writesAfterATruncatedTailSurviveTheNextRestart() throws Exception {
        List<Long> sizes = writeKeys(dir, 2);
        TestFiles.truncate(TestFiles.only(dir, ".log"), sizes.get(2) - 3);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("alarms", Alarm.class).put("after", Alarm.named("after"));
        }
        assertThat(reopen(dir)).containsOnlyKeys("k0", "after");
    }

    @Test
    void aFlippedByteInTheMiddleRecordStopsRecoveryThere() throws Exception {
        List<Long> sizes = writeKeys(dir, 3);
        long middle = (sizes.get(1) + sizes.get(2)) / 2;
        TestFiles.flipByte(TestFiles.only(dir, ".log"), middle);

        assertThat(reopen(dir)).containsOnlyKeys("k0").containsEntry("k0", Alarm.named("k0"));
        assertThat(Files.size(TestFiles.only(dir, ".log"))).isEqualTo(sizes.get(1));
    }

    @Test
    void aFlippedLengthFieldIsCaughtToo() throws Exception {
        List<Long> sizes = writeKeys(dir, 3);
        TestFiles.flipByte(TestFiles.only(dir, ".log"), sizes.get(1) + 1);
        assertThat(reopen(dir)).containsOnlyKeys("k0");
    }

    @Test
    void aTornJournalHeaderIsRecreated() throws Exception {
        writeKeys(dir, 0);
        TestFiles.truncate(TestFiles.only(dir, ".log"), 5);
        assertThat(reopen(dir)).isEmpty();
        assertThat(Files.size(TestFiles.only(dir, ".log"))).isEqualTo(JournalFile.HEADER_BYTES);
    }

    @Test
    void aForeignFileIsRejectedNotTruncated() throws Exception {
        writeKeys(dir, 1);
        Path journal = TestFiles.only(dir, ".log");
        TestFiles.flipByte(journal, 0);
        long size = Files.size(journal);
        assertThatThrownBy(() -> reopen(dir)).isInstanceOf(IOException.class).hasMessageContaining("not a state journal");
        assertThat(Files.size(journal)).isEqualTo(size);
    }

    @Test
    void leftoverTemporarySnapshotIsIgnored() throws Exception {
        writeKeys(dir, 2);
        Files.write(dir.resolve("state-00000000000000000001.snapshot.tmp"), new byte[] {1, 2, 3});
        assertThat(reopen(dir)).containsOnlyKeys("k0", "k1");
        assertThat(TestFiles.withSuffix(dir, ".tmp")).isEmpty();
    }

    @Test
    void aDamagedSnapshotFallsBackToTheOlderGenerationWhenItsJournalRemains() throws Exception {
        writeKeys(dir, 2);
        Path oldJournal = TestFiles.only(dir, ".log");
        byte[] oldJournalBytes = Files.readAllBytes(oldJournal);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.compact();
            journal.table("alarms", Alarm.class).put("k2", Alarm.named("k2"));
        }
        // As if the old generation's deletion never happened and the new snapshot then rotted on disk.
        Files.write(oldJournal, oldJournalBytes);
        Path snapshot = TestFiles.only(dir, ".snapshot");
        TestFiles.flipByte(snapshot, Files.size(snapshot) / 2);

        assertThat(reopen(dir)).containsOnlyKeys("k0", "k1", "k2");
        assertThat(TestFiles.withSuffix(dir, ".snapshot.corrupt")).hasSize(1);
        assertThat(reopen(dir)).containsOnlyKeys("k0", "k1", "k2");
    }

    @Test
    void aDamagedSnapshotWithoutItsPredecessorFailsLoudlyInsteadOfLosingState() throws Exception {
        writeKeys(dir, 2);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.compact();
        }
        Path snapshot = TestFiles.only(dir, ".snapshot");
        TestFiles.flipByte(snapshot, Files.size(snapshot) / 2);
        assertThatThrownBy(() -> reopen(dir)).isInstanceOf(IOException.class).hasMessageContaining("is missing");
    }

    @Test
    void crashBetweenNewJournalAndSnapshotRenameKeepsTheOldGeneration() throws Exception {
        writeKeys(dir, 2);
        // What compaction leaves if the process dies after creating journal 1 but before publishing snapshot 1.
        JournalFile.create(JournalDirectory.journal(dir, 1), 1, Durability.PROCESS).close();
        Files.write(JournalDirectory.snapshotTemp(dir, 1), new byte[] {9, 9});

        assertThat(reopen(dir)).containsOnlyKeys("k0", "k1");
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("alarms", Alarm.class).put("k2", Alarm.named("k2"));
        }
        assertThat(reopen(dir)).containsOnlyKeys("k0", "k1", "k2");
    }
}
