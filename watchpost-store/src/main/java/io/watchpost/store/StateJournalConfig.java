package io.watchpost.store;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a {@link StateJournal}.
 *
 * @param durability when a change is acknowledged
 * @param compactionThresholdBytes journal size after which the journal is compacted into a snapshot
 */
public record StateJournalConfig(Durability durability, long compactionThresholdBytes) {
    public static final long DEFAULT_COMPACTION_THRESHOLD_BYTES = 64L << 20;

    public StateJournalConfig {
        requireNonNull(durability, "durability is null");
        if (compactionThresholdBytes <= 0) {
            throw new IllegalArgumentException("compactionThresholdBytes must be positive: " + compactionThresholdBytes);
        }
    }

    /** {@link Durability#PROCESS}, compaction after 64 MiB of journal. */
    public static StateJournalConfig defaults() {
        return new StateJournalConfig(Durability.PROCESS, DEFAULT_COMPACTION_THRESHOLD_BYTES);
    }
}
