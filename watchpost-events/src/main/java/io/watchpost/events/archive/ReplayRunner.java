package io.watchpost.events.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.Scope;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.store.LogRecord;
import io.watchpost.store.StateTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves replays through AWS's states on the scheduler, one step per replay per tick: STARTING → RUNNING on the first
 * tick; then each tick re-injects up to {@link #BATCH} archived events whose arrival time is in
 * [EventStartTime, EventEndTime) into the destination bus, restricted to the filter rules, each event carrying
 * {@code replay-name}; when the archive is exhausted the replay is COMPLETED. A CANCELLING replay becomes CANCELLED
 * at its next tick. Progress is journaled after every step, and replays still active at startup resume.
 *
 * <p>Steps run on the scheduler thread under the archive service's lock, so they never interleave with
 * CancelReplay or DeleteArchive.
 */
final class ReplayRunner {
    static final int BATCH = 100;
    static final Duration TICK = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveService archives;
    private final StateTable<ReplayRecord> replays;
    private final EventRulesService rules;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    ReplayRunner(ArchiveService archives, StateTable<ReplayRecord> replays, EventRulesService rules,
            Scheduler scheduler) {
        this.archives = archives;
        this.replays = replays;
        this.rules = rules;
        afterReset();
        scheduler.schedule("events.replay", archives.clock.instant(), TICK, this::tick);
    }

    void afterReset() {
        active.clear();
        replays.view().forEach((key, replay) -> {
            if (replay.active()) {
                active.add(key);
            }
        });
    }

    void track(String key) {
        active.add(key);
    }

    void tick() {
        for (String key : List.copyOf(active)) {
            synchronized (archives.writeLock) {
                step(key);
            }
        }
    }

    private void step(String key) {
        Optional<ReplayRecord> found = replays.get(key);
        if (found.isEmpty() || !found.get().active()) {
            active.remove(key);
            return;
        }
        ReplayRecord replay = found.get();
        long now = archives.clock.millis();
        switch (replay.state()) {
            case ReplayRecord.CANCELLING -> finish(key, replay.withState(ReplayRecord.CANCELLED, null, now));
            case ReplayRecord.STARTING -> replays.put(key, replay.withState(ReplayRecord.RUNNING, null, null));
            default -> run(key, replay, scopeOf(key), now);
        }
    }

    private void run(String key, ReplayRecord replay, Scope scope, long now) {
        Optional<ArchiveRecord> archive = archives.archives.get(scope.key(replay.archiveName()))
                .filter(a -> ArchiveService.arn(scope, a.name()).equals(replay.eventSourceArn()));
        if (archive.isEmpty()) {
            finish(key, replay.withState(ReplayRecord.FAILED, "Archive " + replay.archiveName() + " does not exist.",
                    now));
            return;
        }
        List<LogRecord> batch = archives.logs.read(archive.get().directory(), replay.nextOffset(), BATCH);
        Set<String> filter = new HashSet<>(replay.filterArns());
        long next = replay.nextOffset();
        Long last = replay.lastReplayedMillis();
        for (LogRecord record : batch) {
            if (record.offset() >= replay.endOffset()) {
                break;
            }
            if (record.timestampMillis() >= replay.eventStartMillis() && record.timestampMillis() < replay.eventEndMillis()) {
                if (!rules.reinject(scope, replay.busName(), replayed(record, replay.name()), filter)) {
                    break; // delivery queue full: this event is retried at the next tick
                }
                last = record.timestampMillis();
            }
            next = record.offset() + 1;
        }
        ReplayRecord progressed = replay.withProgress(next, last);
        boolean exhausted = batch.isEmpty() || next >= replay.endOffset();
        if (exhausted) {
            finish(key, progressed.withState(ReplayRecord.COMPLETED, null, now));
        } else {
            replays.put(key, progressed);
        }
    }

    private void finish(String key, ReplayRecord replay) {
        replays.put(key, replay);
        active.remove(key);
    }

    /** The archived event with {@code replay-name} after {@code region}, where EventBridge puts it. */
    static ObjectNode replayed(LogRecord record, String replayName) {
        JsonNode original;
        try {
            original = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("archived event at offset " + record.offset() + " is not JSON", e);
        }
        ObjectNode event = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : original.properties()) {
            event.set(field.getKey(), field.getValue());
            if (field.getKey().equals("region")) {
                event.put("replay-name", replayName);
            }
        }
        if (!event.has("replay-name")) {
            event.put("replay-name", replayName);
        }
        return event;
    }

    private static Scope scopeOf(String key) {
        int first = key.indexOf('/');
        int second = key.indexOf('/', first + 1);
        return new Scope(key.substring(0, first), key.substring(first + 1, second));
    }
}
