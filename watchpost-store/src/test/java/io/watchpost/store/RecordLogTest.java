package io.watchpost.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordLogTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

    private RecordLogConfig config() {
        return RecordLogConfig.defaults().withSegmentBytes(4096).withBlockBytes(512).withClock(clock);
    }

    static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, UTF_8);
    }

    /** Appends records with timestamps {@code from, from+1, ...} and values "v<offset>". */
    static void appendRange(RecordLog log, long fromTimestamp, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            long offset = log.nextOffset();
            assertThat(log.append(fromTimestamp + i, bytes("stream-" + (offset % 3)), bytes("v" + offset))).isEqualTo(offset);
        }
    }

    static List<Long> offsets(List<LogRecord> records) {
        return records.stream().map(LogRecord::offset).toList();
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void roundTripsWithDenseOffsetsFromZero(Durability durability) throws Exception {
        try (RecordLog log = RecordLog.open(dir, config().withDurability(durability))) {
            assertThat(log.nextOffset()).isZero();
            assertThat(log.append(100, bytes("k"), bytes("first"))).isZero();
            assertThat(log.append(50, new byte[0], new byte[0])).isEqualTo(1);
            assertThat(log.append(200, bytes("k"), bytes("third"))).isEqualTo(2);

            assertThat(log.read(0, 10)).containsExactly(
                    new LogRecord(0, 100, bytes("k"), bytes("first")),
                    new LogRecord(1, 50, new byte[0], new byte[0]),
                    new LogRecord(2, 200, bytes("k"), bytes("third")));
            assertThat(offsets(log.read(1, 1))).containsExactly(1L);
            assertThat(log.read(3, 10)).isEmpty();
            assertThat(log.nextOffset()).isEqualTo(3);
        }
    }

    @Test
    void rollsBySizeAndReadsAcrossSealedAndActiveSegments() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 1_000, 500);
            assertThat(TestFiles.withSuffix(dir, ".seg")).hasSizeGreaterThan(3);
            assertThat(TestFiles.withSuffix(dir, ".log")).hasSize(1);
            for (Path segment : TestFiles.withSuffix(dir, ".seg")) {
                assertThat(Files.size(segment)).isLessThan(4096);
            }
            List<LogRecord> all = log.read(0, 1_000);
            assertThat(offsets(all)).containsExactlyElementsOf(LongStream.range(0, 500).boxed().toList());
            assertThat(all).allSatisfy(r -> assertThat(text(r.value())).isEqualTo("v" + r.offset()));
            assertThat(offsets(log.read(123, 200))).containsExactlyElementsOf(LongStream.range(123, 323).boxed().toList());
        }
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(log.nextOffset()).isEqualTo(500);
            assertThat(log.append(1, bytes("k"), bytes("v500"))).isEqualTo(500);
            assertThat(offsets(log.read(495, 100))).containsExactly(495L, 496L, 497L, 498L, 499L, 500L);
        }
    }

    @Test
    void rollsByAgeMeasuredWithTheInjectedClockAcrossRestarts() throws Exception {
        RecordLogConfig config = config().withSegmentBytes(1 << 20).withSegmentAge(Duration.ofMinutes(10));
        try (RecordLog log = RecordLog.open(dir, config)) {
            log.append(1, bytes("k"), bytes("a"));
            clock.advance(Duration.ofMinutes(9));
            log.append(2, bytes("k"), bytes("b"));
            assertThat(TestFiles.withSuffix(dir, ".seg")).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            log.append(3, bytes("k"), bytes("c"));
            assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(1);
        }
        clock.advance(Duration.ofMinutes(10));
        try (RecordLog log = RecordLog.open(dir, config)) {
            log.append(4, bytes("k"), bytes("d"));
            assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(2);
            assertThat(offsets(log.read(0, 10))).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    @Test
    void explicitRollSealsAndEmptyRollIsANoOp() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            log.roll();
            assertThat(TestFiles.withSuffix(dir, ".seg")).isEmpty();
            appendRange(log, 0, 3);
            log.roll();
            log.roll();
            assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(1);
            assertThat(offsets(log.read(0, 10))).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void recordsLargerThanABlockAndASegmentRoundTrip() throws Exception {
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        try (RecordLog log = RecordLog.open(dir, config())) {
            log.append(1, bytes("a"), bytes("small"));
            log.append(2, bytes("b"), big);
            log.append(3, bytes("c"), big);
            log.roll();
            assertThat(log.read(0, 10)).extracting(r -> r.value().length).containsExactly(5, 10_000, 10_000);
            assertThat(log.read(2, 1).getFirst().value()).isEqualTo(big);
        }
    }

    @Test
    void scanReturnsTheTimeRangeInOffsetOrder() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 1_000, 100);
            log.roll();
            appendRange(log, 2_000, 100);
            log.roll();
            appendRange(log, 3_000, 100);

            List<LogRecord> found = new ArrayList<>();
            log.scan(1_090, 3_005, found::add);
            assertThat(found).extracting(LogRecord::timestampMillis).containsExactlyElementsOf(
                    LongStream.concat(LongStream.concat(LongStream.range(1_090, 1_100), LongStream.range(2_000, 2_100)),
                            LongStream.range(3_000, 3_005)).boxed().toList());
            assertThat(offsets(found)).isSorted();
        }
    }

    @Test
    void scanSkipsSegmentsAndBlocksOutsideTheRangeWithoutReadingThem() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config().withSegmentBytes(1 << 20))) {
            appendRange(log, 1_000, 50);
            log.roll();
            appendRange(log, 2_000, 50);
            appendRange(log, 5_000, 50);
            log.roll();
        }
        List<Path> segments = TestFiles.withSuffix(dir, ".seg");
        // Damage the first block of each sealed segment: any read of them now fails.
        TestFiles.flipByte(segments.get(0), SealedSegment.HEADER_BYTES + 3);
        TestFiles.flipByte(segments.get(1), SealedSegment.HEADER_BYTES + 3);
        try (RecordLog log = RecordLog.open(dir, config())) {
            List<LogRecord> found = new ArrayList<>();
            log.scan(5_010, 5_020, found::add); // second segment, but only its later blocks
            assertThat(found).extracting(LogRecord::timestampMillis).containsExactlyElementsOf(
                    LongStream.range(5_010, 5_020).boxed().toList());
            assertThatThrownBy(() -> log.scan(1_000, 1_001, r -> {})).isInstanceOf(CorruptFileException.class);
            assertThatThrownBy(() -> log.scan(2_000, 2_001, r -> {})).isInstanceOf(CorruptFileException.class);
        }
    }

    @Test
    void scanConsumersMayCallBackIntoTheLog() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 1_000, 30);
            List<Long> seen = new ArrayList<>();
            log.scan(1_000, 1_030, record -> {
                try {
                    log.append(5_000 + record.offset(), bytes("k"), bytes("x")); // outside the range: not scanned
                    log.roll();
                    seen.add(record.offset());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(seen).isEqualTo(LongStream.range(0, 30).boxed().toList());
            assertThat(log.nextOffset()).isEqualTo(60);
        }
    }

    @Test
    void retentionDeletesWholeSealedSegmentsOlderThanTheCutoff() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 1_000, 10);
            log.roll();
            appendRange(log, 2_000, 10);
            log.roll();
            appendRange(log, 3_000, 10);
            log.roll();
            appendRange(log, 100, 10); // active segment: old timestamps, but never deleted by retention

            assertThat(log.deleteSegmentsOlderThan(2_005)).isEqualTo(1);
            assertThat(log.deleteSegmentsOlderThan(2_005)).isZero();
            assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(2);
            assertThat(log.read(0, 1).getFirst().offset()).isEqualTo(10);
            assertThat(log.read(0, 100)).hasSize(30);
            assertThat(log.nextOffset()).isEqualTo(40);
        }
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(log.read(0, 1).getFirst().offset()).isEqualTo(10);
            assertThat(log.deleteSegmentsOlderThan(Long.MAX_VALUE)).isEqualTo(2);
            assertThat(offsets(log.read(0, 100))).containsExactlyElementsOf(LongStream.range(30, 40).boxed().toList());
            assertThat(log.append(1, bytes("k"), bytes("v"))).isEqualTo(40);
        }
    }

    @Test
    void concurrentAppendersUnderGroupCommitGetDenseUniqueOffsets() throws Exception {
        List<Future<List<Long>>> results = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, config().withDurability(Durability.MACHINE).withSegmentBytes(16_384));
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        long offset = log.append(i, bytes("t" + t), bytes(t + ":" + i));
                        assertThat(log.nextOffset()).isGreaterThan(offset); // acknowledged means readable
                        mine.add(offset);
                    }
                    return mine;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 400).boxed().toList());
            assertThat(offsets(log.read(0, 1_000))).containsExactlyElementsOf(LongStream.range(0, 400).boxed().toList());
        }
    }

    @Test
    void readersRunConcurrentlyWithAppendsAndRollsAndSeeADensePrefix() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config().withSegmentBytes(2048));
                ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> writer = pool.submit(() -> {
                appendRange(log, 0, 600);
                return null;
            });
            while (!writer.isDone()) {
                long end = log.nextOffset();
                List<LogRecord> seen = log.read(0, Integer.MAX_VALUE);
                assertThat(seen.size()).isGreaterThanOrEqualTo((int) end);
                assertThat(offsets(seen)).containsExactlyElementsOf(LongStream.range(0, seen.size()).boxed().toList());
            }
            writer.get();
            assertThat(log.read(0, 1_000)).hasSize(600);
        }
    }

    @Test
    void closedLogRefusesUse() throws Exception {
        RecordLog log = RecordLog.open(dir, config());
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(1, bytes("k"), bytes("v"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.read(0, 1)).isInstanceOf(IllegalStateException.class);
    }
}
