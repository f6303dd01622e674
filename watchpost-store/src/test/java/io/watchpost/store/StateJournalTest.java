package io.watchpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateJournalTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Durability.class)
    void roundTripsEveryOperation(Durability durability) throws Exception {
        try (StateJournal journal = StateJournal.open(dir, durability)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            alarms.put("b", Alarm.named("b"));
            alarms.put("a", Alarm.named("a"));
            alarms.put("c", Alarm.named("c"));

            assertThat(alarms.get("a")).contains(Alarm.named("a"));
            assertThat(alarms.get("missing")).isEmpty();
            assertThat(alarms.view().keySet()).containsExactly("a", "b", "c");
            assertThat(alarms.putIfAbsent("a", Alarm.named("other"))).contains(Alarm.named("a"));
            assertThat(alarms.putIfAbsent("d", Alarm.named("d"))).isEmpty();
            assertThat(alarms.remove("b")).isTrue();
            assertThat(alarms.remove("b")).isFalse();
            assertThat(alarms.size()).isEqualTo(3);
            assertThat(alarms.view().tailMap("b", false).keySet()).containsExactly("c", "d");
        }
    }

    @Test
    void restartReloadsEveryTable() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("alarms", Alarm.class).put("x", Alarm.named("x"));
            journal.table("alarms", Alarm.class).put("y", Alarm.named("y"));
            journal.table("alarms", Alarm.class).remove("x");
            journal.table("names", String.class).put("k", "v");
        }
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            assertThat(journal.table("alarms", Alarm.class).view()).containsOnlyKeys("y").containsEntry("y", Alarm.named("y"));
            assertThat(journal.table("names", String.class).get("k")).contains("v");
        }
    }

    @Test
    void valuesAreStoredAsJsonOfTheRecordComponentsOnly() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("alarms", Alarm.class).put("a", Alarm.named("a"));
        }
        String journalText = Files.readString(TestFiles.only(dir, ".log"), StandardCharsets.ISO_8859_1);
        assertThat(journalText).contains("{\"name\":\"a\",").contains("\"updatedMillis\":1700000000000").doesNotContain("describedAs");
    }

    @Test
    void sameNameReturnsSameInstanceAndRejectsAnotherType() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            assertThat(journal.table("t", Alarm.class)).isSameAs(journal.table("t", Alarm.class));
            assertThatThrownBy(() -> journal.table("t", String.class)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void snapshotPlusJournalReplay() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            alarms.put("before-1", Alarm.named("before-1"));
            alarms.put("before-2", Alarm.named("before-2"));
            journal.compact();
            alarms.put("after", Alarm.named("after"));
            alarms.remove("before-1");
        }
        assertThat(TestFiles.withSuffix(dir, ".snapshot")).hasSize(1);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            assertThat(journal.table("alarms", Alarm.class).view().keySet()).containsExactly("after", "before-2");
        }
    }

    @Test
    void compactionKeepsOneGenerationAndCarriesUnopenedTables() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("dormant", String.class).put("k", "kept");
        }
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            journal.table("alarms", Alarm.class).put("a", Alarm.named("a"));
            journal.compact();
            journal.compact();
        }
        assertThat(TestFiles.withSuffix(dir, ".snapshot")).hasSize(1);
        assertThat(TestFiles.withSuffix(dir, ".log")).hasSize(1);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            assertThat(journal.table("dormant", String.class).get("k")).contains("kept");
            assertThat(journal.table("alarms", Alarm.class).get("a")).contains(Alarm.named("a"));
        }
    }

    @Test
    void compactsAutomaticallyPastTheThreshold() throws Exception {
        StateJournalConfig config = new StateJournalConfig(Durability.PROCESS, 2_000);
        try (StateJournal journal = StateJournal.open(dir, config)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            for (int i = 0; i < 200; i++) {
                alarms.put("a" + (i % 10), Alarm.named("a" + i));
            }
            assertThat(TestFiles.only(dir, ".log").toFile().length()).isLessThan(2_000 + 500);
        }
        assertThat(TestFiles.only(dir, ".snapshot").getFileName().toString()).isNotEqualTo("state-00000000000000000000.snapshot");
        try (StateJournal journal = StateJournal.open(dir, config)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            assertThat(alarms.size()).isEqualTo(10);
            assertThat(alarms.get("a9")).contains(Alarm.named("a199"));
        }
    }

    @Test
    void wipeEmptiesEveryTableDurably() throws Exception {
        try (StateJournal journal = StateJournal.open(dir, Durability.MACHINE)) {
            journal.table("dormant", String.class).put("k", "v");
        }
        try (StateJournal journal = StateJournal.open(dir, Durability.MACHINE)) {
            StateTable<Alarm> alarms = journal.table("alarms", Alarm.class);
            alarms.put("a", Alarm.named("a"));
            journal.wipe();
            assertThat(alarms.size()).isZero();
            alarms.put("after-wipe", Alarm.named("after-wipe"));
        }
        try (StateJournal journal = StateJournal.open(dir, Durability.MACHINE)) {
            assertThat(journal.table("alarms", Alarm.class).view().keySet()).containsExactly("after-wipe");
            assertThat(journal.table("dormant", String.class).size()).isZero();
        }
    }

    @Test
    void concurrentWritersAreAllPersistedAndPutIfAbsentHasOneWinner() throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        try (StateJournal journal = StateJournal.open(dir, new StateJournalConfig(Durability.PROCESS, 20_000));
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            StateTable<String> table = journal.table("t", String.class);
            for (int thread = 0; thread < 4; thread++) {
                String name = "w" + thread;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        table.put(name + "-" + i, name);
                    }
                    return table.putIfAbsent("contended", name).isEmpty();
                }));
            }
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            assertThat(journal.table("t", String.class).size()).isEqualTo(1001);
        }
    }

    @Test
    void closedJournalRefusesWrites() throws Exception {
        StateJournal journal = StateJournal.open(dir, Durability.PROCESS);
        StateTable<String> table = journal.table("t", String.class);
        journal.close();
        assertThatThrownBy(() -> table.put("k", "v")).isInstanceOf(IllegalStateException.class);
        assertThat(table.get("k")).isEmpty();
    }
}
