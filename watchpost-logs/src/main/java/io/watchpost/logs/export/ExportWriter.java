package io.watchpost.logs.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.store.EventPosition;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import io.watchpost.logs.store.StoredEvent;
import io.watchpost.logs.store.StreamInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one export task's events as AWS lays them out: for every stream with events in {@code [from, to]},
 * {@code <destinationPrefix>/<taskId>/<logStreamName>/000000.gz}, {@code 000001.gz}, … — gzip text, one
 * {@code <ISO-8601 UTC timestamp with millis> <message>} line per event, in timestamp order. A new object starts
 * after {@link #CHUNK_BYTES} of uncompressed text (AWS's split size is not documented).
 *
 * <p>Reads the store a page at a time, so memory is bounded by one page plus one chunk.
 */
final class ExportWriter {
    static final int CHUNK_BYTES = 64 * 1024 * 1024;
    static final String CONTENT_TYPE = "application/x-gzip";
    private static final int PAGE = 1000;
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final LogEventStore store;
    private final ObjectStore objects;

    ExportWriter(LogEventStore store, ObjectStore objects) {
        this.store = store;
        this.objects = objects;
    }

    /** Writes every object of the task; the group is the incarnation the task was created on. */
    void write(Scope scope, LogGroupInfo group, ExportTaskRecord task, long now) {
        String prefix = task.logStreamNamePrefix() == null ? "" : task.logStreamNamePrefix();
        long from = Math.max(task.from(), Retention.visibleFrom(group, now));
        long to = task.to() == Long.MAX_VALUE ? Long.MAX_VALUE : task.to() + 1; // "to" is inclusive
        for (StreamInfo stream : store.streams(scope, group, prefix, Long.MIN_VALUE)) {
            writeStream(scope, group, task, stream.logStreamName(), from, to);
        }
    }

    private void writeStream(Scope scope, LogGroupInfo group, ExportTaskRecord task, String stream, long from,
            long to) {
        Chunks chunks = new Chunks(task.destination(),
                task.destinationPrefix() + "/" + task.taskId() + "/" + stream + "/");
        EventPosition bound = null;
        while (true) {
            List<EventPosition> positions = store.positions(scope, group, stream, from, to, bound, true, PAGE);
            if (positions.isEmpty()) {
                break;
            }
            for (StoredEvent event : store.load(scope, group, stream, positions)) {
                chunks.line(event.timestamp(), event.message());
            }
            bound = positions.get(positions.size() - 1);
        }
        chunks.finish();
    }

    /** The gzip objects of one stream, cut at {@link #CHUNK_BYTES} of text. */
    private final class Chunks {
        private final String bucket;
        private final String keyPrefix;
        private int index;
        private long textBytes;
        private ByteArrayOutputStream buffer;
        private GZIPOutputStream gzip;

        Chunks(String bucket, String keyPrefix) {
            this.bucket = bucket;
            this.keyPrefix = keyPrefix;
        }

        void line(long timestamp, String message) {
            byte[] line = (ISO.format(Instant.ofEpochMilli(timestamp)) + " " + message + "\n").getBytes(UTF_8);
            try {
                if (gzip == null) {
                    buffer = new ByteArrayOutputStream();
                    gzip = new GZIPOutputStream(buffer);
                }
                gzip.write(line);
                textBytes += line.length;
                if (textBytes >= CHUNK_BYTES) {
                    finish();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() {
            if (gzip == null) {
                return;
            }
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            objects.putObject(bucket, keyPrefix + String.format("%06d.gz", index++), buffer.toByteArray(),
                    CONTENT_TYPE, Map.of());
            gzip = null;
            buffer = null;
            textBytes = 0;
        }
    }
}
