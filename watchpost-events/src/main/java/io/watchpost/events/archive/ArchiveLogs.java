package io.watchpost.events.archive;

import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The record logs of the archives, one per archive under {@code root/<directory>}: one record per archived event,
 * timestamped with its arrival (ingestion) time, keyed by the event id, valued by the event's JSON. Logs open
 * lazily; EventCount and SizeBytes are counted on open (one scan) and kept in memory after that, so that the
 * PutEvents hot path costs one append and two atomic adds. Retention deletes whole segments; the active segment is
 * rolled first when everything in it has expired, so that expiry really removes the bytes.
 *
 * <p>Thread-safe: {@link RecordLog} is; the counters are atomics.
 */
final class ArchiveLogs implements AutoCloseable {
    static final class Open {
        final RecordLog log;
        final AtomicLong count = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong newestMillis = new AtomicLong(Long.MIN_VALUE);

        Open(RecordLog log) {
            this.log = log;
        }
    }

    private final Path root;
    private final RecordLogConfig config;
    private final ConcurrentHashMap<String, Open> open = new ConcurrentHashMap<>();

    ArchiveLogs(Path root, RecordLogConfig config) {
        this.root = root;
        this.config = config;
    }

    Open get(String directory) {
        return open.computeIfAbsent(directory, dir -> {
            try {
                Open opened = new Open(RecordLog.open(root.resolve(dir), config));
                recount(opened);
                return opened;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    void append(String directory, long timestampMillis, String eventId, String eventJson) {
        Open archive = get(directory);
        byte[] value = eventJson.getBytes(StandardCharsets.UTF_8);
        try {
            archive.log.append(timestampMillis, eventId.getBytes(StandardCharsets.UTF_8), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        archive.count.incrementAndGet();
        archive.bytes.addAndGet(value.length);
        archive.newestMillis.accumulateAndGet(timestampMillis, Math::max);
    }

    List<LogRecord> read(String directory, long fromOffset, int max) {
        try {
            return get(directory).log.read(fromOffset, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long nextOffset(String directory) {
        return get(directory).log.nextOffset();
    }

    /** Deletes every event that arrived before {@code cutoffMillis} (whole segments) and recounts when any went. */
    void expire(String directory, long cutoffMillis) {
        Open archive = get(directory);
        try {
            if (archive.count.get() > 0 && archive.newestMillis.get() < cutoffMillis) {
                archive.log.roll(); // everything has expired, including the active segment
            }
            if (archive.log.deleteSegmentsOlderThan(cutoffMillis) > 0) {
                recount(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes and removes an archive's log and its files. */
    void delete(String directory) {
        Open archive = open.remove(directory);
        try {
            if (archive != null) {
                archive.log.close();
            }
            Path dir = root.resolve(directory);
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Open archive : open.values()) {
            archive.log.close();
        }
        open.clear();
    }

    private static void recount(Open archive) throws IOException {
        long[] totals = new long[3];
        totals[2] = Long.MIN_VALUE;
        archive.log.scan(Long.MIN_VALUE, Long.MAX_VALUE, record -> {
            totals[0]++;
            totals[1] += record.value().length;
            totals[2] = Math.max(totals[2], record.timestampMillis());
        });
        archive.count.set(totals[0]);
        archive.bytes.set(totals[1]);
        archive.newestMillis.set(totals[2]);
    }
}
