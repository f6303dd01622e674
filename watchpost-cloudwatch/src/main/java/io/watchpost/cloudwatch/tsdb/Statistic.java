package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A CloudWatch statistic, parsed by {@link StatisticParser} and computed by {@link StatisticEvaluator}: the five
 * basic statistics, percentiles, the trimmed family (TM, WM, TC, TS) and percentile rank (PR).
 */
public sealed interface Statistic {
    /** SampleCount, Average, Sum, Minimum, Maximum: exact, available for every cell. */
    enum Basic implements Statistic {
        SAMPLE_COUNT("SampleCount"), AVERAGE("Average"), SUM("Sum"), MINIMUM("Minimum"), MAXIMUM("Maximum");

        private final String awsName;

        Basic(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }

        public static Optional<Basic> fromAwsName(String name) {
            for (Basic basic : values()) {
                if (basic.awsName.equals(name)) {
                    return Optional.of(basic);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code pNN.NN}: the value below which {@code percent}% of the samples lie. */
    record Percentile(double percent) implements Statistic {}

    /** Which trimmed statistic: trimmed mean, winsorized mean, trimmed count, trimmed sum. */
    enum TrimKind { TM, WM, TC, TS }

    /**
     * One boundary of a range: a percentage of the samples (rank) or an absolute value. Ranges include the upper
     * boundary and exclude the lower one, as CloudWatch defines them.
     */
    record Bound(double value, boolean percent) {}

    /** {@code TM(a:b)}, {@code WM(...)}, {@code TC(...)}, {@code TS(...)} and their short forms; a missing bound is open. */
    record Trimmed(TrimKind kind, Optional<Bound> lower, Optional<Bound> upper) implements Statistic {
        public Trimmed {
            requireNonNull(kind, "kind is null");
            requireNonNull(lower, "lower is null");
            requireNonNull(upper, "upper is null");
        }
    }

    /** {@code PR(a:b)}: the percentage of samples with {@code a < value <= b}. */
    record PercentileRank(Optional<Double> lower, Optional<Double> upper) implements Statistic {
        public PercentileRank {
            requireNonNull(lower, "lower is null");
            requireNonNull(upper, "upper is null");
        }
    }
}
