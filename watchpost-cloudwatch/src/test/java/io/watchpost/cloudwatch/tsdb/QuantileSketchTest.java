package io.watchpost.cloudwatch.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {
    @Test
    void percentilesStayWithinTheStatedRelativeError() {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[20_000];
        Cell cell = new Cell();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian() * 2) * (i % 7 == 0 ? -1 : 1);
            cell.add(values[i], 1);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999}) {
            double exact = values[(int) Math.floor(q * (values.length - 1))];
            double estimate = cell.quantile(q);
            assertThat(Math.abs(estimate - exact)).as("q=%s", q)
                    .isLessThanOrEqualTo(QuantileSketch.RELATIVE_ACCURACY * Math.abs(exact) + 1e-12);
        }
    }

    @Test
    void mergedCellsAnswerLikeOneCell() {
        Cell a = new Cell();
        Cell b = new Cell();
        Cell all = new Cell();
        for (int v = 1; v <= 1000; v++) {
            (v % 2 == 0 ? a : b).add(v, 1);
            all.add(v, 1);
        }
        Cell merged = Cell.merged(a, b);
        assertThat(merged.sampleCount()).isEqualTo(1000);
        assertThat(merged.quantile(0.9)).isEqualTo(all.quantile(0.9));
    }

    @Test
    void singleValuedCellsAreExactAndCarryNoSketch() {
        Cell cell = new Cell();
        cell.add(12.345, 3);
        cell.addStatisticSet(2, 24.69, 12.345, 12.345);
        assertThat(cell.sketch()).isNull();
        assertThat(cell.quantile(0.5)).isEqualTo(12.345);
        assertThat(cell.sampleCount()).isEqualTo(5);
    }

    @Test
    void nonUniformStatisticSetsMakePercentilesUnavailable() {
        Cell cell = new Cell();
        cell.add(1, 1);
        cell.addStatisticSet(10, 100, 1, 50);
        assertThat(cell.sampleCount()).isEqualTo(11);
        assertThat(cell.maximum()).isEqualTo(50);
        assertThat(StatisticEvaluator.evaluate(new Statistic.Percentile(50), cell)).isEmpty();
        assertThat(StatisticEvaluator.evaluate(Statistic.Basic.SUM, cell)).isEqualTo(OptionalDouble.of(101));
        Cell other = new Cell();
        other.add(3, 1);
        assertThat(Cell.merged(other, cell).hasDistribution()).isFalse();
    }

    @Test
    void countsWeighValues() {
        Cell cell = new Cell();
        cell.add(10, 99);
        cell.add(1000, 1);
        assertThat(cell.quantile(0.5)).isCloseTo(10, org.assertj.core.api.Assertions.within(0.1));
        assertThat(cell.average()).isEqualTo((990 + 1000) / 100.0);
    }
}
