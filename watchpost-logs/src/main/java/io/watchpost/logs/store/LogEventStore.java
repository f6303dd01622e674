package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Log streams and their events. Stream definitions live in the journal's {@code log-streams} table; events live in
 * one record log per log group under {@code dataDirectory/groups/} (see {@code docs/formats/log-events.md} and the
 * module's RATIONALE.md), indexed in memory per stream and re-indexed at startup.
 *
 * <p>Callers pass the {@link LogGroupInfo} they looked up: a stream belongs to one incarnation of its group
 * (by the group's creation time), so streams and events left behind by a crash during a group deletion never
 * show up in a re-created group of the same name.
 *
 * <p><b>Thread-safety:</b> all methods are thread-safe; stream creation and deletion are serialized (check, then
 * write). <b>Durability:</b> {@link #append} returns once the batch is
 * durable per the record log's configured durability.
 */
public final class LogEventStore implements AutoCloseable {
    static final String STREAMS_TABLE = "log-streams";

    private final StateTable<StreamRecord> streams;
    private final GroupLogs groupLogs;
    private final AtomicLong lastIncarnation = new AtomicLong();

    public LogEventStore(StateJournal journal, Path dataDirectory, RecordLogConfig config) throws IOException {
        requireNonNull(journal, "journal is null");
        this.streams = journal.table(STREAMS_TABLE, StreamRecord.class);
        this.groupLogs = new GroupLogs(dataDirectory.resolve("groups"), config);
        streams.view().values().forEach(s -> lastIncarnation.accumulateAndGet(s.incarnation(), Math::max));
        groupLogs.openAll(streams.view());
    }

    /** Creates a stream; false when it already exists. */
    public synchronized boolean createStream(Scope scope, LogGroupInfo group, String stream, long creationTime) {
        String key = streamKey(scope, group.logGroupName(), stream);
        if (find(scope, group, stream).isPresent()) {
            return false;
        }
        long incarnation = lastIncarnation.accumulateAndGet(creationTime * 1000, (last, t) -> Math.max(last + 1, t));
        StreamRecord record = new StreamRecord(group.logGroupName(), stream, creationTime, incarnation,
                group.creationTime());
        // A stale record (of an earlier group of the same name) is overwritten: find() treated it as absent.
        streams.put(key, record);
        groupLogs.get(scope, group).track(stream, incarnation);
        return true;
    }

    /** Deletes a stream and (logically at once, physically with its segments) its events; false when absent. */
    public synchronized boolean deleteStream(Scope scope, LogGroupInfo group, String stream) {
        if (find(scope, group, stream).isEmpty()) {
            return false;
        }
        streams.remove(streamKey(scope, group.logGroupName(), stream));
        groupLogs.get(scope, group).forget(stream);
        return true;
    }

    /** The stream as DescribeLogStreams shows it; event times only count events at or after {@code visibleFrom}. */
    public Optional<StreamInfo> stream(Scope scope, LogGroupInfo group, String stream, long visibleFrom) {
        return find(scope, group, stream).map(record -> groupLogs.get(scope, group)
                .info(stream, record.creationTime(), visibleFrom));
    }

    /**
     * The group's storedBytes: the UTF-8 bytes of the messages of its live streams' events not yet dropped by
     * retention (uncompressed; the per-event overhead is not counted).
     */
    public long storedBytes(Scope scope, LogGroupInfo group) {
        return groupLogs.storedBytes(scope, group);
    }

    /** Whether the stream exists in this incarnation of the group. */
    public boolean exists(Scope scope, LogGroupInfo group, String stream) {
        return find(scope, group, stream).isPresent();
    }

    /** The group's streams whose names start with {@code prefix}, in name order. */
    public List<StreamInfo> streams(Scope scope, LogGroupInfo group, String prefix, long visibleFrom) {
        String from = streamKey(scope, group.logGroupName(), prefix);
        List<StreamInfo> out = new ArrayList<>();
        GroupLog log = groupLogs.get(scope, group);
        for (Map.Entry<String, StreamRecord> entry : streams.view().tailMap(from, true).entrySet()) {
            if (!entry.getKey().startsWith(from)) {
                break;
            }
            StreamRecord record = entry.getValue();
            if (record.groupCreationTime() == group.creationTime()) {
                out.add(log.info(record.logStreamName(), record.creationTime(), visibleFrom));
            }
        }
        return out;
    }

    /** Drops the group's streams and deletes its events' files. */
    public void deleteGroup(Scope scope, String logGroupName) {
        String from = streamKey(scope, logGroupName, "");
        List<String> keys = new ArrayList<>(streams.view().tailMap(from, true).keySet().stream()
                .takeWhile(key -> key.startsWith(from)).toList());
        keys.forEach(streams::remove); // durable first: a crash before the files go leaves only orphan files
        groupLogs.drop(scope, logGroupName);
    }

    /** Told of one recently ingested batch (see {@link #forEachRecentBatch}). */
    public interface RecentBatchVisitor {
        void visit(Scope scope, String logGroupName, String logStreamName, List<StoredEvent> events);
    }

    /**
     * Every group's batches ingested within {@code windowMillis} of its newest one, oldest first, for live streams:
     * after a crash, the batches that may have been stored without reaching the ingest listeners.
     */
    public void forEachRecentBatch(long windowMillis, RecentBatchVisitor visitor) {
        groupLogs.forEach((scope, name, log) -> {
            for (List<StoredEvent> batch : log.recent(windowMillis)) {
                visitor.visit(scope, name, batch.get(0).logStreamName(), batch);
            }
        });
    }

    /** Appends one batch to an existing stream; durable on return. The events need not be sorted. */
    public void append(Scope scope, LogGroupInfo group, String stream, long ingestionTime, List<EncodedEvent> events) {
        try {
            groupLogs.get(scope, group).append(stream, ingestionTime, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Up to {@code max} positions of a stream in {@code [from, to)}, strictly after {@code bound} (forward) or
     * strictly before it (backward), always in ascending order; a null bound means the range's start or end.
     */
    public List<EventPosition> positions(Scope scope, LogGroupInfo group, String stream, long from, long to,
            EventPosition bound, boolean forward, int max) {
        return groupLogs.get(scope, group).positions(stream, from, to, bound, forward, max);
    }

    /** The events at those positions (skipping any retention removed meanwhile), in the order given. */
    public List<StoredEvent> load(Scope scope, LogGroupInfo group, String stream, List<EventPosition> positions) {
        try {
            return groupLogs.get(scope, group).load(stream, positions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Retention: for every group with data, {@code cutoffs} gives the oldest timestamp still kept (or empty to keep
     * everything); older events are dropped from the indexes and their wholly expired segments deleted.
     */
    public void expire(BiFunction<Scope, String, OptionalLong> cutoffs) {
        groupLogs.forEach((scope, name, log) -> {
            OptionalLong cutoff = cutoffs.apply(scope, name);
            if (cutoff.isPresent()) {
                log.expire(cutoff.getAsLong());
            }
        });
    }

    @Override
    public void close() throws IOException {
        groupLogs.close();
    }

    private Optional<StreamRecord> find(Scope scope, LogGroupInfo group, String stream) {
        return streams.get(streamKey(scope, group.logGroupName(), stream))
                .filter(record -> record.groupCreationTime() == group.creationTime());
    }

    static String streamKey(Scope scope, String group, String stream) {
        return scope.key(group + ":" + stream);
    }
}
