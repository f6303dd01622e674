package io.watchpost.events.archive;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A stored replay and its progress. {@code nextOffset} is the archive-log offset to read next and {@code endOffset}
 * the log's end when the replay started: events archived later are not part of it. Progress is journaled after
 * every batch, so a restart resumes where the last acknowledged batch ended (at-least-once for the batch in flight).
 * Instants are epoch milliseconds; the nullable ones are absent until the state that sets them.
 */
record ReplayRecord(String name, String description, String eventSourceArn, String archiveName, long eventStartMillis,
        long eventEndMillis, String destinationArn, String busName, List<String> filterArns, String state,
        String stateReason, long replayStartMillis, Long replayEndMillis, Long lastReplayedMillis, long nextOffset,
        long endOffset) {
    static final String STARTING = "STARTING";
    static final String RUNNING = "RUNNING";
    static final String CANCELLING = "CANCELLING";
    static final String COMPLETED = "COMPLETED";
    static final String CANCELLED = "CANCELLED";
    static final String FAILED = "FAILED";

    ReplayRecord {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        filterArns = filterArns == null ? List.of() : List.copyOf(filterArns);
    }

    boolean active() {
        return state.equals(STARTING) || state.equals(RUNNING) || state.equals(CANCELLING);
    }

    ReplayRecord withState(String newState, String reason, Long endMillis) {
        return new ReplayRecord(name, description, eventSourceArn, archiveName, eventStartMillis, eventEndMillis,
                destinationArn, busName, filterArns, newState, reason, replayStartMillis, endMillis,
                lastReplayedMillis, nextOffset, endOffset);
    }

    ReplayRecord withProgress(long newNextOffset, Long lastReplayed) {
        return new ReplayRecord(name, description, eventSourceArn, archiveName, eventStartMillis, eventEndMillis,
                destinationArn, busName, filterArns, state, stateReason, replayStartMillis, replayEndMillis,
                lastReplayed, newNextOffset, endOffset);
    }
}
