package io.watchpost.cloudwatch.tsdb;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses statistic names (the {@code Statistics} and {@code ExtendedStatistics} of GetMetricStatistics, the
 * {@code Stat} of GetMetricData): {@code SampleCount|Average|Sum|Minimum|Maximum}, {@code pNN.NN}, {@code tmNN},
 * {@code wmNN}, {@code tcNN}, {@code tsNN}, {@code iqm}, {@code TM(a%:b%)}/{@code TM(a:b)} and likewise
 * {@code WM}, {@code TC}, {@code TS}, and {@code PR(a:b)}. Numbers are 0-100 with up to 10 decimals for
 * percentages; inputs longer than 64 characters are refused before matching.
 */
public final class StatisticParser {
    private static final int MAX_LENGTH = 64;
    private static final String NUMBER = "(\\d+(?:\\.\\d{1,10})?)";
    private static final Pattern PERCENTILE = Pattern.compile("p" + NUMBER);
    private static final Pattern SHORT_TRIM = Pattern.compile("(tm|wm|tc|ts)" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(TM|WM|TC|TS|PR)\\((?:" + NUMBER + "(%?))?:(?:" + NUMBER
            + "(%?))?\\)", Pattern.CASE_INSENSITIVE);

    private StatisticParser() {}

    /** Thrown for a name that is not a statistic; the message says why. */
    public static final class InvalidStatisticException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidStatisticException(String message) {
            super(message, null, false, false);
        }
    }

    public static Statistic parse(String text) throws InvalidStatisticException {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidStatisticException("statistic must have 1 to " + MAX_LENGTH + " characters");
        }
        Optional<Statistic.Basic> basic = Statistic.Basic.fromAwsName(text);
        if (basic.isPresent()) {
            return basic.get();
        }
        if (text.equalsIgnoreCase("iqm")) {
            return new Statistic.Trimmed(Statistic.TrimKind.TM, Optional.of(new Statistic.Bound(25, true)),
                    Optional.of(new Statistic.Bound(75, true)));
        }
        Matcher m = PERCENTILE.matcher(text);
        if (m.matches()) {
            return new Statistic.Percentile(percent(m.group(1)));
        }
        m = SHORT_TRIM.matcher(text);
        if (m.matches()) {
            return new Statistic.Trimmed(kind(m.group(1)), Optional.empty(),
                    Optional.of(new Statistic.Bound(percent(m.group(2)), true)));
        }
        m = RANGE.matcher(text);
        if (m.matches()) {
            return range(m);
        }
        throw new InvalidStatisticException("not a statistic: " + text);
    }

    private static Statistic range(Matcher m) throws InvalidStatisticException {
        String name = m.group(1).toUpperCase(Locale.ROOT);
        Optional<String> low = Optional.ofNullable(m.group(2));
        Optional<String> high = Optional.ofNullable(m.group(4));
        if (low.isEmpty() && high.isEmpty()) {
            throw new InvalidStatisticException("a range needs at least one bound");
        }
        boolean lowPercent = low.isPresent() && !m.group(3).isEmpty();
        boolean highPercent = high.isPresent() && !m.group(5).isEmpty();
        if (low.isPresent() && high.isPresent() && lowPercent != highPercent) {
            throw new InvalidStatisticException("both bounds must be percentages or both absolute values");
        }
        boolean percent = lowPercent || highPercent;
        if (name.equals("PR")) {
            if (percent) {
                throw new InvalidStatisticException("PR bounds are absolute values");
            }
            Optional<Double> lower = low.map(Double::parseDouble);
            Optional<Double> upper = high.map(Double::parseDouble);
            checkOrder(lower, upper);
            return new Statistic.PercentileRank(lower, upper);
        }
        Optional<Double> lower = percent ? optionalPercent(low) : low.map(Double::parseDouble);
        Optional<Double> upper = percent ? optionalPercent(high) : high.map(Double::parseDouble);
        checkOrder(lower, upper);
        return new Statistic.Trimmed(kind(name), lower.map(v -> new Statistic.Bound(v, percent)),
                upper.map(v -> new Statistic.Bound(v, percent)));
    }

    private static Optional<Double> optionalPercent(Optional<String> text) throws InvalidStatisticException {
        return text.isEmpty() ? Optional.empty() : Optional.of(percent(text.get()));
    }

    private static void checkOrder(Optional<Double> lower, Optional<Double> upper) throws InvalidStatisticException {
        if (lower.isPresent() && upper.isPresent() && lower.get() >= upper.get()) {
            throw new InvalidStatisticException("the lower bound must be less than the upper bound");
        }
    }

    private static double percent(String text) throws InvalidStatisticException {
        double value = Double.parseDouble(text);
        if (value > 100) {
            throw new InvalidStatisticException("percentages are between 0 and 100");
        }
        return value;
    }

    private static Statistic.TrimKind kind(String name) {
        return Statistic.TrimKind.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
