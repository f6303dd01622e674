package io.watchpost.xray.traces;

import io.watchpost.core.Scope;
import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The segment documents as accepted, one record each in a {@link RecordLog} under {@code <data>/xray/segments}:
 * key {@code <account>/<region>/<trace id>} and value the document's UTF-8 JSON, timestamped with the time of
 * arrival so that retention (by whole log segment) follows arrival order. Thread-safe as the log is.
 */
final class TraceLog implements AutoCloseable {
    private final RecordLog log;

    /** One record read back at startup. */
    record Entry(Scope scope, String traceId, String document, long offset, long timestampMillis) {}

    TraceLog(Path directory, RecordLogConfig config) throws IOException {
        this.log = RecordLog.open(directory, config);
    }

    long append(Scope scope, String traceId, String document, long nowMillis) {
        try {
            return log.append(nowMillis, scope.key(traceId).getBytes(StandardCharsets.UTF_8),
                    document.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document at {@code offset}, or null when retention removed it. */
    String document(long offset) {
        try {
            List<LogRecord> records = log.read(offset, 1);
            if (records.isEmpty() || records.get(0).offset() != offset) {
                return null;
            }
            return new String(records.get(0).value(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void scanAll(java.util.function.Consumer<Entry> consumer) throws IOException {
        log.scan(Long.MIN_VALUE, Long.MAX_VALUE, record -> {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            int first = key.indexOf('/');
            int second = key.indexOf('/', first + 1);
            consumer.accept(new Entry(new Scope(key.substring(0, first), key.substring(first + 1, second)),
                    key.substring(second + 1), new String(record.value(), StandardCharsets.UTF_8), record.offset(),
                    record.timestampMillis()));
        });
    }

    /** Seals the active log segment and deletes the sealed ones whose newest record is older than the cutoff. */
    int deleteOlderThan(long cutoffMillis) throws IOException {
        log.roll();
        return log.deleteSegmentsOlderThan(cutoffMillis);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
