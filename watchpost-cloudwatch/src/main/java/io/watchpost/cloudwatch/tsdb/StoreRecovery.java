package io.watchpost.cloudwatch.tsdb;

import io.watchpost.store.LogRecord;
import io.watchpost.store.RecordLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Startup: block files in sequence order (later cells replace earlier ones), retention, then WAL replay. */
final class StoreRecovery {
    private static final System.Logger LOG = System.getLogger(StoreRecovery.class.getName());
    private static final int REPLAY_BATCH = 1024;

    private StoreRecovery() {}

    record Recovered(long checkpointOffset, long lastWalTimestamp) {}

    static Recovered recover(BlockFiles blocks, RecordLog wal, Map<SeriesKey, Series> series, long nowMillis)
            throws IOException {
        long checkpoint = loadBlocks(blocks.list(), series);
        series.values().removeIf(each -> !each.dropExpired(nowMillis));
        long lastTimestamp = 0;
        long next = checkpoint;
        while (true) {
            List<LogRecord> records = wal.read(next, REPLAY_BATCH);
            if (records.isEmpty()) {
                break;
            }
            for (LogRecord record : records) {
                replay(series, record, nowMillis);
                lastTimestamp = Math.max(lastTimestamp, record.timestampMillis());
                next = record.offset() + 1;
            }
        }
        return new Recovered(checkpoint, lastTimestamp);
    }

    private static void replay(Map<SeriesKey, Series> series, LogRecord record, long nowMillis) {
        WalCodec.Batch batch;
        try {
            batch = WalCodec.decode(record.value());
        } catch (IllegalArgumentException e) {
            // The record log's CRC passed, so this is a format bug, not a torn write: keep going, say so loudly.
            LOG.log(System.Logger.Level.ERROR, "undecodable metrics WAL record at offset " + record.offset(), e);
            return;
        }
        TimeSeriesStore.apply(series, batch.accountId(), batch.region(), batch.data(), record.timestampMillis(),
                nowMillis);
    }

    /** Applies every file's cells in order into {@code series}; returns the newest file's WAL offset (0 if none). */
    static long loadBlocks(List<Path> files, Map<SeriesKey, Series> series) throws IOException {
        long walOffset = 0;
        for (Path file : files) {
            BlockCodec.Decoded decoded = BlockFiles.read(file);
            walOffset = decoded.walOffset();
            for (BlockSection section : decoded.sections()) {
                Series target = series.computeIfAbsent(section.key(), Series::new);
                for (BlockSection.TierSection tier : section.tiers()) {
                    for (int i = 0; i < tier.starts().length; i++) {
                        target.restore(section.unit(), tier.tier(), tier.starts()[i], tier.cells()[i],
                                section.lastArrivalMillis());
                    }
                }
            }
        }
        return walOffset;
    }
}
