package io.watchpost.cloudwatch.tsdb;

import java.util.OptionalDouble;

/**
 * Computes a {@link Statistic} from a {@link Cell}. The basic statistics are exact. Percentile-based ones read the
 * cell's distribution: exact for single-valued cells, otherwise within the sketch's 1% relative error; they are
 * empty for a cell that holds non-uniform statistic sets (AWS: percentiles need raw values) and for a range that
 * holds no samples. Percentage bounds trim by rank (fractional weights at the edges); absolute bounds by value,
 * lower bound exclusive and upper bound inclusive.
 */
public final class StatisticEvaluator {
    private StatisticEvaluator() {}

    public static OptionalDouble evaluate(Statistic statistic, Cell cell) {
        if (cell.sampleCount() <= 0) {
            return OptionalDouble.empty();
        }
        return switch (statistic) {
            case Statistic.Basic basic -> OptionalDouble.of(basic(basic, cell));
            case Statistic.Percentile p -> cell.hasDistribution()
                    ? OptionalDouble.of(cell.quantile(p.percent() / 100)) : OptionalDouble.empty();
            case Statistic.Trimmed trimmed -> cell.hasDistribution() ? trimmed(trimmed, cell) : OptionalDouble.empty();
            case Statistic.PercentileRank rank -> cell.hasDistribution() ? rank(rank, cell) : OptionalDouble.empty();
        };
    }

    private static double basic(Statistic.Basic basic, Cell cell) {
        return switch (basic) {
            case SAMPLE_COUNT -> cell.sampleCount();
            case AVERAGE -> cell.average();
            case SUM -> cell.sum();
            case MINIMUM -> cell.minimum();
            case MAXIMUM -> cell.maximum();
        };
    }

    private static OptionalDouble trimmed(Statistic.Trimmed trimmed, Cell cell) {
        if (trimmed.kind() == Statistic.TrimKind.WM) {
            return OptionalDouble.of(winsorized(trimmed, cell));
        }
        double[] weightAndSum = trimmed.lower().map(Statistic.Bound::percent)
                .or(() -> trimmed.upper().map(Statistic.Bound::percent)).orElse(false)
                ? byRank(trimmed, cell) : byValue(trimmed, cell);
        double weight = weightAndSum[0];
        double sum = weightAndSum[1];
        return switch (trimmed.kind()) {
            case TC -> OptionalDouble.of(weight);
            case TS -> OptionalDouble.of(sum);
            default -> weight > 0 ? OptionalDouble.of(sum / weight) : OptionalDouble.empty();
        };
    }

    /** Weight and weighted sum of the samples whose rank lies in (a% * n, b% * n]. */
    private static double[] byRank(Statistic.Trimmed trimmed, Cell cell) {
        double n = cell.sampleCount();
        double from = trimmed.lower().map(b -> b.value() / 100 * n).orElse(0.0);
        double to = trimmed.upper().map(b -> b.value() / 100 * n).orElse(n);
        double[] result = new double[2];
        double[] seen = {0};
        cell.forEachValue((value, weight) -> {
            double start = seen[0];
            double end = start + weight;
            seen[0] = end;
            double inside = Math.min(end, to) - Math.max(start, from);
            if (inside > 0) {
                result[0] += inside;
                result[1] += inside * value;
            }
        });
        return result;
    }

    private static double[] byValue(Statistic.Trimmed trimmed, Cell cell) {
        double low = trimmed.lower().map(Statistic.Bound::value).orElse(Double.NEGATIVE_INFINITY);
        double high = trimmed.upper().map(Statistic.Bound::value).orElse(Double.POSITIVE_INFINITY);
        double[] result = new double[2];
        cell.forEachValue((value, weight) -> {
            if (value > low && value <= high) {
                result[0] += weight;
                result[1] += weight * value;
            }
        });
        return result;
    }

    private static double winsorized(Statistic.Trimmed trimmed, Cell cell) {
        double low = trimmed.lower().map(b -> b.percent() ? cell.quantile(b.value() / 100) : b.value())
                .orElse(Double.NEGATIVE_INFINITY);
        double high = trimmed.upper().map(b -> b.percent() ? cell.quantile(b.value() / 100) : b.value())
                .orElse(Double.POSITIVE_INFINITY);
        double[] sum = {0};
        cell.forEachValue((value, weight) -> sum[0] += weight * Math.min(high, Math.max(low, value)));
        return sum[0] / cell.sampleCount();
    }

    private static OptionalDouble rank(Statistic.PercentileRank rank, Cell cell) {
        double low = rank.lower().orElse(Double.NEGATIVE_INFINITY);
        double high = rank.upper().orElse(Double.POSITIVE_INFINITY);
        double[] inside = {0};
        cell.forEachValue((value, weight) -> {
            if (value > low && value <= high) {
                inside[0] += weight;
            }
        });
        return OptionalDouble.of(100 * inside[0] / cell.sampleCount());
    }
}
