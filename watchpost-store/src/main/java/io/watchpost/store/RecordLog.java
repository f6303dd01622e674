package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A segmented, checksummed, append-only log of timestamped records (ARCHITECTURE §4, data plane).
 * Format and recovery rules: {@code docs/formats/record-log.md}.
 *
 * <p><b>Offsets</b> are dense and monotonic from 0. Retention removes whole sealed segments, and recovery
 * may quarantine a damaged one, so reads skip the resulting gaps.
 *
 * <p><b>Durability.</b> {@link #append} returns once the record is durable per {@link RecordLogConfig#durability()}.
 * Under {@link Durability#MACHINE} concurrent appenders share fsyncs (group commit). Readers only ever see
 * acknowledged records: {@link #nextOffset()} is the end of what is readable.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. Appends are serialized by an append lock; a
 * segment roll (sealing happens on the appending thread) holds it too. The segment layout changes under a
 * read-write lock that readers hold only while fetching one block, so {@code scan} consumers run without
 * any lock held and may call back into the log.
 */
public final class RecordLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RecordLog.class.getName());

    private final Path directory;
    private final RecordLogConfig config;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantReadWriteLock layout = new ReentrantReadWriteLock();
    private final Object syncLock = new Object();
    /** End of the acknowledged (readable) records: every offset below it is durable per the config. */
    private final AtomicLong visibleEnd;
    private volatile List<SealedSegment> sealed; // replaced, never mutated; under layout's write lock
    private volatile ActiveSegment active; // replaced under appendLock and layout's write lock
    private volatile boolean closed;
    private volatile IOException failure;

    private RecordLog(Path directory, RecordLogConfig config, RecordLogLoader.Loaded loaded) {
        this.directory = directory;
        this.config = config;
        this.sealed = List.copyOf(loaded.sealed());
        this.active = loaded.active();
        this.visibleEnd = new AtomicLong(loaded.active().nextOffset());
    }

    /** Opens (creating the directory if needed), sealing interrupted rolls and truncating a torn tail. */
    public static RecordLog open(Path directory, RecordLogConfig config) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(config, "config is null");
        Files.createDirectories(directory);
        return new RecordLog(directory, config, RecordLogLoader.load(directory, config));
    }

    /** Appends a record and returns its offset, once it is durable per the configured {@link Durability}. */
    public long append(long timestampMillis, byte[] key, byte[] value) throws IOException {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        int frameLength = RecordCodec.frameLength(key, value);
        long offset;
        appendLock.lock();
        try {
            ensureWritable();
            if (shouldRoll(frameLength)) {
                rollLocked();
            }
            offset = active.append(timestampMillis, key, value);
            if (config.durability() == Durability.PROCESS) {
                visibleEnd.set(offset + 1);
            }
        } finally {
            appendLock.unlock();
        }
        if (config.durability() == Durability.MACHINE) {
            awaitDurable(offset);
        }
        return offset;
    }

    /** Up to {@code maxRecords} acknowledged records from {@code fromOffset} on, in offset order. */
    public List<LogRecord> read(long fromOffset, int maxRecords) throws IOException {
        if (fromOffset < 0 || maxRecords < 0) {
            throw new IllegalArgumentException("fromOffset and maxRecords must not be negative");
        }
        List<LogRecord> records = new ArrayList<>(Math.min(maxRecords, 1024));
        long next = fromOffset;
        while (records.size() < maxRecords) {
            BlockReader.Fetched fetched = fetch(next, Long.MIN_VALUE, Long.MAX_VALUE);
            if (fetched == null) {
                break;
            }
            long from = next;
            fetched.decode(record -> {
                if (record.offset() >= from && records.size() < maxRecords) {
                    records.add(record);
                }
            });
            next = fetched.nextOffset();
        }
        return records;
    }

    /**
     * Passes every acknowledged record with {@code fromTimestampMillis <= timestamp < toTimestampMillis} to
     * {@code consumer}, in offset order. Segments and blocks whose time range misses are not read at all.
     */
    public void scan(long fromTimestampMillis, long toTimestampMillis, Consumer<LogRecord> consumer) throws IOException {
        requireNonNull(consumer, "consumer is null");
        long next = 0;
        while (true) {
            BlockReader.Fetched fetched = fetch(next, fromTimestampMillis, toTimestampMillis);
            if (fetched == null) {
                return;
            }
            long from = next;
            fetched.decode(record -> {
                long t = record.timestampMillis();
                if (record.offset() >= from && t >= fromTimestampMillis && t < toTimestampMillis) {
                    consumer.accept(record);
                }
            });
            next = fetched.nextOffset();
        }
    }

    /**
     * End of the acknowledged records: every lower offset is readable unless retention deleted it. With no
     * append in flight it is the offset the next append gets.
     */
    public long nextOffset() {
        return visibleEnd.get();
    }

    /** Retention: deletes the sealed segments whose newest record is older than {@code timestampMillis}. */
    public int deleteSegmentsOlderThan(long timestampMillis) throws IOException {
        List<SealedSegment> doomed = new ArrayList<>();
        layout.writeLock().lock();
        try {
            ensureOpen();
            List<SealedSegment> kept = new ArrayList<>();
            for (SealedSegment segment : sealed) {
                (segment.maxTimestamp() < timestampMillis ? doomed : kept).add(segment);
            }
            sealed = List.copyOf(kept);
        } finally {
            layout.writeLock().unlock();
        }
        // Outside the lock: readers that could still see these segments held the read lock and are done.
        for (SealedSegment segment : doomed) {
            Io.deleteQuietly(segment.path()); // one that cannot be deleted reappears at the next open
        }
        return doomed.size();
    }

    /** Seals the active segment now (no-op when it is empty). */
    public void roll() throws IOException {
        appendLock.lock();
        try {
            ensureWritable();
            rollLocked();
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        appendLock.lock();
        layout.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                active.close();
            }
        } finally {
            layout.writeLock().unlock();
            appendLock.unlock();
        }
    }

    private boolean shouldRoll(int frameLength) {
        ActiveSegment segment = active;
        if (segment.isEmpty()) {
            return false;
        }
        long age = config.clock().millis() - segment.createdMillis();
        return segment.size() + frameLength > config.segmentBytes() || age >= config.segmentAge().toMillis();
    }

    /** Seals the active segment and starts the next; crash-safe order explained in record-log.md. */
    private void rollLocked() throws IOException {
        ActiveSegment old = active;
        if (old.isEmpty()) {
            return;
        }
        SegmentSealer.Rolled rolled = SegmentSealer.roll(directory, old, config);
        layout.writeLock().lock();
        try {
            List<SealedSegment> grown = new ArrayList<>(sealed);
            grown.add(rolled.sealed());
            sealed = List.copyOf(grown);
            active = rolled.next();
        } finally {
            layout.writeLock().unlock();
        }
        // The sealed file was fsynced, so everything in it is durable even under MACHINE.
        visibleEnd.accumulateAndGet(old.nextOffset(), Math::max);
        old.close();
        Io.deleteQuietly(old.path());
    }

    /** Group commit: one fsync covers every append written before it started. */
    private void awaitDurable(long offset) throws IOException {
        synchronized (syncLock) {
            while (visibleEnd.get() <= offset) {
                if (failure != null) {
                    // Never let a later, "successful" fsync acknowledge data an earlier failed one may have lost.
                    throw new IOException("record log " + directory + " failed earlier; reopen it", failure);
                }
                ActiveSegment segment;
                long target;
                appendLock.lock();
                try {
                    segment = active;
                    target = segment.nextOffset();
                } finally {
                    appendLock.unlock();
                }
                sync(segment, target);
            }
        }
    }

    private void sync(ActiveSegment segment, long target) throws IOException {
        try {
            segment.force();
            visibleEnd.accumulateAndGet(target, Math::max);
        } catch (ClosedChannelException e) {
            // Either a roll sealed the segment (and advanced visibleEnd first), or the log was closed.
            if (closed) {
                throw new IOException("record log " + directory + " closed before the append became durable", e);
            }
        } catch (IOException e) {
            // After a failed fsync the kernel may have dropped dirty pages: nothing written since is trustworthy.
            failure = e;
            LOG.log(System.Logger.Level.ERROR, "fsync of " + segment.path() + " failed; the log refuses further appends", e);
            throw e;
        }
    }

    /** Locates and reads the next block at or after {@code offset} whose time range overlaps, under the read lock. */
    private BlockReader.Fetched fetch(long offset, long fromMillis, long toMillis) throws IOException {
        layout.readLock().lock();
        try {
            ensureOpen();
            return BlockReader.fetch(sealed, active, visibleEnd.get(), offset, fromMillis, toMillis);
        } finally {
            layout.readLock().unlock();
        }
    }

    private void ensureWritable() throws IOException {
        ensureOpen();
        if (failure != null) {
            throw new IOException("record log " + directory + " failed earlier; reopen it", failure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("record log " + directory + " is closed");
        }
    }
}
