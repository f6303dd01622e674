package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static LoadRunner.Outcome outcome(long[] latenciesMicros, long errors, String firstError, long elapsedNanos,
                                              boolean aborted) {
        Histogram histogram = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
        for (long micros : latenciesMicros) {
            histogram.recordValue(micros);
        }
        return new LoadRunner.Outcome(histogram, latenciesMicros.length, errors, firstError, elapsedNanos, aborted);
    }

    @Test
    void addsRoundsIntoOneRow() {
        Tally tally = new Tally();
        long[] fast = new long[1000];
        java.util.Arrays.fill(fast, 1_000); // 1 ms
        long[] slow = new long[10];
        java.util.Arrays.fill(slow, 50_000); // 50 ms
        tally.add(outcome(fast, 2, "Throttling", 1_000_000_000L, false), OptionalLong.of(500_000_000L));
        tally.add(outcome(slow, 0, null, 1_000_000_000L, false), OptionalLong.of(10_000_000L));
        tally.rssAfterLoad(256L << 20);

        ResultTable.Row row = tally.row("PutLogEvents", "watchpost");
        assertThat(row.requestsPerSecond()).isEqualTo(505.0); // 1010 successes in 2 s
        assertThat(row.p50Millis()).isCloseTo(1.0, within(0.01));
        assertThat(row.p999Millis()).isCloseTo(50.0, within(0.1));
        assertThat(row.errors()).isEqualTo(2);
        assertThat(row.firstError()).isEqualTo("Throttling");
        assertThat(row.cpuMicrosPerRequest()).isCloseTo(510_000.0 / 1012, within(1e-9)); // per call, errors included
        assertThat(row.rssMiB()).isEqualTo(256.0);
        assertThat(row.served()).isTrue();
    }

    @Test
    void unknownCpuInAnyRoundMeansUnknownCpu() {
        Tally tally = new Tally();
        tally.add(outcome(new long[] {100}, 0, null, 1_000_000L, false), OptionalLong.of(5));
        tally.add(outcome(new long[] {100}, 0, null, 1_000_000L, false), OptionalLong.empty());
        ResultTable.Row row = tally.row("W", "e");
        assertThat(row.cpuMicrosPerRequest()).isNaN();
        assertThat(row.rssMiB()).isNaN();
    }

    @Test
    void onlyErrorsGiveNoLatencyAndNoteTheEarlyStop() {
        Tally tally = new Tally();
        tally.add(outcome(new long[0], 200, "NotImplemented", 50_000_000L, true), OptionalLong.of(1_000_000L));
        ResultTable.Row row = tally.row("PutEvents", "watchpost");
        assertThat(row.requestsPerSecond()).isZero();
        assertThat(row.p50Millis()).isNaN();
        assertThat(row.firstError()).isEqualTo("NotImplemented, stopped early");
        assertThat(row.cpuMicrosPerRequest()).isEqualTo(5.0);
        assertThat(row.served()).isFalse();
        assertThat(tally.aborted()).isTrue();
    }
}
