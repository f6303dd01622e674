package io.watchpost.store;

import static io.watchpost.store.RecordLogTest.appendRange;
import static io.watchpost.store.RecordLogTest.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogRecoveryTest {
    @TempDir
    Path dir;

    private static RecordLogConfig config() {
        return RecordLogConfig.defaults().withSegmentBytes(4096).withBlockBytes(512);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    /** Appends {@code count} records to a fresh log and returns the active file size after each (index 0: empty). */
    private static List<Long> appendTracked(Path directory, int count) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (RecordLog log = RecordLog.open(directory, config().withSegmentBytes(1 << 20))) {
            sizes.add(Files.size(TestFiles.only(directory, ".log")));
            for (int i = 0; i < count; i++) {
                appendRange(log, i, 1);
                sizes.add(Files.size(TestFiles.only(directory, ".log")));
            }
        }
        return sizes;
    }

    @Test
    void everyCutInsideTheLastFrameOfTheActiveSegmentRecoversThePreviousRecords() throws Exception {
        Path original = dir.resolve("original");
        List<Long> sizes = appendTracked(original, 20);
        for (long cut = sizes.get(19); cut < sizes.get(20); cut++) {
            Path copy = dir.resolve("cut-" + cut);
            TestFiles.copyDirectory(original, copy);
            TestFiles.truncate(TestFiles.only(copy, ".log"), cut);
            try (RecordLog log = RecordLog.open(copy, config())) {
                assertThat(log.nextOffset()).as("cut at %d", cut).isEqualTo(19);
                assertThat(offsets(log.read(0, 100))).isEqualTo(range(0, 19));
                assertThat(log.append(7, new byte[0], new byte[] {1})).isEqualTo(19);
            }
            assertThat(Files.size(TestFiles.only(copy, ".log"))).isGreaterThan(sizes.get(19));
        }
    }

    @Test
    void aFlippedByteInTheMiddleOfTheActiveSegmentStopsRecoveryThere() throws Exception {
        List<Long> sizes = appendTracked(dir, 20);
        TestFiles.flipByte(TestFiles.only(dir, ".log"), (sizes.get(10) + sizes.get(11)) / 2);
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(range(0, 10));
            assertThat(log.nextOffset()).isEqualTo(10);
        }
        assertThat(Files.size(TestFiles.only(dir, ".log"))).isEqualTo(sizes.get(10));
    }

    @Test
    void aDamagedFooterWithoutItsRawSegmentIsQuarantinedAndBecomesAGap() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 1_000, 10);
            log.roll();
            appendRange(log, 2_000, 10);
            log.roll();
            appendRange(log, 3_000, 10);
            log.roll();
            appendRange(log, 4_000, 5);
        }
        Path middle = TestFiles.withSuffix(dir, ".seg").get(1);
        TestFiles.flipByte(middle, Files.size(middle) - SegmentFooter.TRAILER_BYTES - 10);

        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(
                    LongStream.concat(LongStream.range(0, 10), LongStream.range(20, 35)).boxed().toList());
            assertThat(log.nextOffset()).isEqualTo(35);
            assertThat(log.append(5_000, new byte[0], new byte[0])).isEqualTo(35);
        }
        assertThat(TestFiles.withSuffix(dir, ".seg.corrupt")).hasSize(1);
        assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(2);
    }

    @Test
    void aDamagedTrailerIsHandledLikeADamagedFooter() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 0, 10);
            log.roll();
            appendRange(log, 10, 10);
        }
        Path sealed = TestFiles.only(dir, ".seg");
        TestFiles.truncate(sealed, Files.size(sealed) - 1);
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(range(10, 20));
        }
    }

    @Test
    void aDamagedSealIsReplacedByItsRawSegmentWhenThatStillExists() throws Exception {
        Path raw = SegmentFiles.raw(dir, 0);
        byte[] rawBytes;
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 0, 10);
            rawBytes = Files.readAllBytes(raw);
            log.roll();
            appendRange(log, 10, 5);
        }
        // A crash after the rename but before the raw file was deleted, and then the seal rotted.
        Files.write(raw, rawBytes);
        Path sealed = SegmentFiles.sealed(dir, 0);
        TestFiles.flipByte(sealed, Files.size(sealed) - SegmentFooter.TRAILER_BYTES - 1);

        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(range(0, 15));
        }
        assertThat(TestFiles.withSuffix(dir, ".log")).hasSize(1);
        assertThat(TestFiles.withSuffix(dir, ".corrupt")).isEmpty();
    }

    @Test
    void aValidSealWinsOverItsLeftoverRawSegment() throws Exception {
        Path raw = SegmentFiles.raw(dir, 0);
        byte[] rawBytes;
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 0, 10);
            rawBytes = Files.readAllBytes(raw);
            log.roll();
            appendRange(log, 10, 5);
        }
        Files.write(raw, rawBytes);
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(range(0, 15));
        }
        assertThat(Files.exists(raw)).isFalse();
    }

    @Test
    void anInterruptedRollIsCompletedAndLeftoverTempFilesAreIgnored() throws Exception {
        Path raw = SegmentFiles.raw(dir, 0);
        byte[] rawBytes;
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 0, 10);
            rawBytes = Files.readAllBytes(raw);
            log.roll();
        }
        // As if the process died after creating the next raw segment, before publishing the seal.
        Files.delete(SegmentFiles.sealed(dir, 0));
        Files.write(raw, rawBytes);
        Files.write(SegmentFiles.sealedTemp(dir, 0), new byte[] {1, 2, 3, 4});

        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(offsets(log.read(0, 100))).isEqualTo(range(0, 10));
            assertThat(log.append(1, new byte[0], new byte[0])).isEqualTo(10);
        }
        assertThat(TestFiles.withSuffix(dir, ".tmp")).isEmpty();
        assertThat(TestFiles.withSuffix(dir, ".seg")).hasSize(1);
        assertThat(TestFiles.withSuffix(dir, ".log")).containsExactly(SegmentFiles.raw(dir, 10));
    }

    @Test
    void aTornHeaderOfANewActiveSegmentIsRecreated() throws Exception {
        try (RecordLog log = RecordLog.open(dir, config())) {
            appendRange(log, 0, 10);
            log.roll();
        }
        TestFiles.truncate(SegmentFiles.raw(dir, 10), 7);
        try (RecordLog log = RecordLog.open(dir, config())) {
            assertThat(log.nextOffset()).isEqualTo(10);
            assertThat(log.append(1, new byte[0], new byte[0])).isEqualTo(10);
        }
    }
}
