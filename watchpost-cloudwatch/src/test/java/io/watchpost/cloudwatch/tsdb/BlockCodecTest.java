package io.watchpost.cloudwatch.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockCodecTest {
    @Test
    void gorillaColumnsRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        long[] times = new long[500];
        double[] floats = new double[500];
        long t = 1_700_000_000L;
        for (int i = 0; i < times.length; i++) {
            t += i % 50 == 0 ? random.nextLong(1, 1L << 40) : 60;
            times[i] = t;
            floats[i] = switch (i % 5) {
                case 0 -> 0.0;
                case 1 -> -random.nextDouble() * 1e300;
                case 2 -> floats[i - 1];
                case 3 -> Math.scalb(1.0, -360);
                default -> random.nextInt(100);
            };
        }
        ByteSink sink = new ByteSink(16);
        BitWriter writer = new BitWriter(sink);
        GorillaCodec.writeTimestamps(writer, times);
        GorillaCodec.writeFloats(writer, floats);
        writer.finish();
        BitReader reader = new BitReader(sink.array(), 0, sink.size());
        assertThat(GorillaCodec.readTimestamps(reader, times.length)).containsExactly(times);
        assertThat(GorillaCodec.readFloats(reader, floats.length)).containsExactly(floats);
    }

    @Test
    void aMinuteSeriesCompressesWell() {
        int n = 1440;
        long[] starts = new long[n];
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            starts[i] = 1_700_000_040L + 60L * i;
            cells[i] = new Cell();
            cells[i].add(50 + (i % 3), 1);
        }
        SeriesKey key = SeriesKey.of("1", "r", "ns", "m", Map.of());
        byte[] file = BlockCodec.encode(0, List.of(new BlockSection(key, "None", 0,
                List.of(new BlockSection.TierSection(Tier.MINUTE, starts, cells)))));
        assertThat(file.length).isLessThan(n * 8); // vs 40 raw bytes per cell (time + 4 doubles)
    }

    @Test
    void cellsRoundTripAndDamageIsDetected() {
        Cell exact = new Cell();
        exact.add(3, 2);
        Cell sketched = new Cell();
        for (int v = -5; v <= 50; v++) {
            sketched.add(v, 1.5);
        }
        Cell sets = new Cell();
        sets.addStatisticSet(4, 10, 1, 5);
        SeriesKey key = SeriesKey.of("1", "r", "ns", "m", Map.of("a", "b", "c", "d"));
        byte[] file = BlockCodec.encode(77, List.of(new BlockSection(key, "Count", 123,
                List.of(new BlockSection.TierSection(Tier.HOUR, new long[] {0, 3600, 7200},
                        new Cell[] {exact, sketched, sets})))));
        BlockCodec.Decoded decoded = BlockCodec.decode(file);
        assertThat(decoded.walOffset()).isEqualTo(77);
        BlockSection section = decoded.sections().getFirst();
        assertThat(section.key()).isEqualTo(key);
        assertThat(section.unit()).isEqualTo("Count");
        Cell[] cells = section.tiers().getFirst().cells();
        assertThat(cells[0].quantile(0.5)).isEqualTo(3);
        assertThat(cells[1].quantile(0.9)).isEqualTo(sketched.quantile(0.9));
        assertThat(cells[1].sampleCount()).isEqualTo(sketched.sampleCount());
        assertThat(cells[2].hasDistribution()).isFalse();
        assertThat(cells[2].maximum()).isEqualTo(5);

        file[file.length / 2] ^= 1;
        assertThatThrownBy(() -> BlockCodec.decode(file)).hasMessageContaining("checksum");
    }
}
