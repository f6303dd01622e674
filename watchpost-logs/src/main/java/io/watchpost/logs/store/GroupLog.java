package io.watchpost.logs.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one log group: one {@link RecordLog} (one record per PutLogEvents batch, keyed by stream name,
 * timestamped with the batch's newest event so retention can drop whole segments) plus a {@link StreamIndex} per
 * stream.
 *
 * <p><b>Thread-safety and ordering:</b> appends and index changes hold this object's monitor, so a stream's index
 * order and its listeners' order are the append order. Reads copy a slice of the index under the monitor and
 * then read the record log without it.
 */
final class GroupLog implements AutoCloseable {
    private final Path directory;
    private final RecordLog log;
    private final Map<String, StreamIndex> streams = new HashMap<>();
    private final Map<String, Long> incarnations = new HashMap<>();

    private GroupLog(Path directory, RecordLog log) {
        this.directory = directory;
        this.log = log;
    }

    /** Opens the log and rebuilds the indexes of the given live streams (name → incarnation) by a full scan. */
    static GroupLog open(Path directory, RecordLogConfig config, Map<String, Long> liveStreams) throws IOException {
        GroupLog group = new GroupLog(directory, RecordLog.open(directory, config));
        liveStreams.forEach(group::track);
        long next = 0;
        while (true) {
            List<LogRecord> records = group.log.read(next, 256);
            if (records.isEmpty()) {
                return group;
            }
            for (LogRecord record : records) {
                group.index(new String(record.key(), UTF_8), record.offset(), record.value());
            }
            next = records.get(records.size() - 1).offset() + 1;
        }
    }

    Path directory() {
        return directory;
    }

    synchronized void track(String stream, long incarnation) {
        incarnations.put(stream, incarnation);
        streams.put(stream, new StreamIndex());
    }

    synchronized void forget(String stream) {
        incarnations.remove(stream);
        streams.remove(stream);
    }

    /** Appends one batch (durable on return) and indexes it; returns the record offset. */
    synchronized long append(String stream, long ingestionTime, List<EncodedEvent> events) throws IOException {
        Long incarnation = incarnations.get(stream);
        if (incarnation == null) {
            throw new IllegalStateException("stream not tracked: " + stream);
        }
        long newest = Long.MIN_VALUE;
        for (EncodedEvent event : events) {
            newest = Math.max(newest, event.timestamp());
        }
        byte[] value = BatchCodec.encode(incarnation, ingestionTime, events);
        long offset = log.append(newest, stream.getBytes(UTF_8), value);
        index(stream, offset, value);
        return offset;
    }

    private void index(String stream, long offset, byte[] value) {
        StreamIndex index = streams.get(stream);
        BatchCodec.Header header = BatchCodec.header(value);
        if (index == null || incarnations.get(stream) != header.incarnation()) {
            return; // a deleted stream, or an earlier stream of the same name
        }
        long[] timestamps = new long[header.count()];
        long[] refs = new long[header.count()];
        int[] sizes = new int[header.count()];
        BatchCodec.forEach(value, (i, timestamp, position, length) -> {
            timestamps[i] = timestamp;
            refs[i] = EventPosition.of(timestamp, offset, i).ref();
            sizes[i] = length;
        });
        index.add(timestamps, refs, sizes, header.count(), header.ingestionTime());
    }

    /** The message bytes of every live stream's indexed events: shrinks as retention drops them. */
    synchronized long storedBytes() {
        long total = 0;
        for (StreamIndex index : streams.values()) {
            total += index.bytes();
        }
        return total;
    }

    synchronized StreamInfo info(String stream, long creationTime, long visibleFrom) {
        StreamIndex index = streams.get(stream);
        if (index == null) {
            return new StreamInfo(stream, creationTime, java.util.OptionalLong.empty(),
                    java.util.OptionalLong.empty(), java.util.OptionalLong.empty());
        }
        return new StreamInfo(stream, creationTime, index.firstTimestamp(visibleFrom),
                index.lastTimestamp(visibleFrom), index.lastIngestionTime());
    }

    /**
     * Up to {@code max} positions of a stream within {@code [from, to)} by timestamp, strictly after
     * {@code after} (forward, ascending) or strictly before {@code before} (backward; still returned ascending).
     */
    synchronized List<EventPosition> positions(String stream, long from, long to, EventPosition bound,
            boolean forward, int max) {
        StreamIndex index = streams.get(stream);
        if (index == null || from >= to) {
            return List.of();
        }
        int low = index.lowerBound(new EventPosition(from, Long.MIN_VALUE));
        int high = index.lowerBound(new EventPosition(to, Long.MIN_VALUE));
        if (forward) {
            if (bound != null) {
                low = Math.max(low, index.lowerBound(new EventPosition(bound.timestamp(), bound.ref() + 1)));
            }
            return index.slice(low, Math.min(high, low + max));
        }
        if (bound != null) {
            high = Math.min(high, index.lowerBound(bound));
        }
        return index.slice(Math.max(low, high - max), Math.max(low, high));
    }

    /**
     * The batches of live streams ingested within {@code windowMillis} of the newest batch, oldest first, each as
     * its stored events: what a crash may have stored without telling the ingest listeners. Reads backwards from the
     * end in chunks, so only the tail of the log is read.
     */
    synchronized List<List<StoredEvent>> recent(long windowMillis) throws IOException {
        java.util.ArrayDeque<LogRecord> newest = new java.util.ArrayDeque<>();
        long end = log.nextOffset();
        long cutoff = Long.MIN_VALUE;
        boolean reachedCutoff = false;
        while (end > 0 && !reachedCutoff) {
            long start = Math.max(0, end - 256);
            List<LogRecord> chunk = log.read(start, (int) (end - start));
            for (int i = chunk.size() - 1; i >= 0 && !reachedCutoff; i--) {
                LogRecord record = chunk.get(i);
                long ingestion = BatchCodec.header(record.value()).ingestionTime();
                if (cutoff == Long.MIN_VALUE) {
                    cutoff = ingestion - windowMillis;
                }
                if (ingestion < cutoff) {
                    reachedCutoff = true;
                } else {
                    newest.addFirst(record);
                }
            }
            if (chunk.isEmpty() || chunk.get(0).offset() > start) {
                break; // retention removed everything before this chunk
            }
            end = start;
        }
        List<List<StoredEvent>> batches = new ArrayList<>();
        for (LogRecord record : newest) {
            String stream = new String(record.key(), UTF_8);
            Long incarnation = incarnations.get(stream);
            if (incarnation == null || incarnation != BatchCodec.header(record.value()).incarnation()) {
                continue; // a deleted stream, or an earlier stream of the same name
            }
            Batch batch = Batch.of(record.value());
            List<StoredEvent> events = new ArrayList<>(batch.positions().length);
            BatchCodec.forEach(record.value(), (i, timestamp, position, length) ->
                    events.add(batch.event(stream, EventPosition.of(timestamp, record.offset(), i))));
            batches.add(events);
        }
        return batches;
    }

    /** Loads the events at the given positions of one stream, in the order given. */
    List<StoredEvent> load(String stream, List<EventPosition> positions) throws IOException {
        List<StoredEvent> events = new ArrayList<>(positions.size());
        Map<Long, Batch> batches = new HashMap<>();
        for (EventPosition position : positions) {
            Batch batch = batches.get(position.offset());
            if (batch == null) {
                List<LogRecord> read = log.read(position.offset(), 1);
                if (read.isEmpty() || read.get(0).offset() != position.offset()) {
                    continue; // deleted by retention after the index slice was taken
                }
                batch = Batch.of(read.get(0).value());
                batches.put(position.offset(), batch);
            }
            events.add(batch.event(stream, position));
        }
        return events;
    }

    /** A decoded batch: where each message is, so a page touches each record once. */
    private record Batch(byte[] value, long ingestionTime, int[] positions, int[] lengths) {
        static Batch of(byte[] value) {
            BatchCodec.Header header = BatchCodec.header(value);
            int[] positions = new int[header.count()];
            int[] lengths = new int[header.count()];
            BatchCodec.forEach(value, (i, timestamp, position, length) -> {
                positions[i] = position;
                lengths[i] = length;
            });
            return new Batch(value, header.ingestionTime(), positions, lengths);
        }

        StoredEvent event(String stream, EventPosition position) {
            int i = position.index();
            return new StoredEvent(stream, position, ingestionTime, BatchCodec.message(value, positions[i], lengths[i]));
        }
    }

    /** Retention: hides everything older than {@code cutoff} now and deletes the sealed segments wholly older. */
    void expire(long cutoff) throws IOException {
        synchronized (this) {
            streams.values().forEach(index -> index.dropBefore(cutoff));
        }
        log.deleteSegmentsOlderThan(cutoff);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
