package io.watchpost.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number and ratio formatting of the result tables. Unknown figures are NaN and print as a dash. */
final class Ratios {
    static final String UNKNOWN = "—";

    private Ratios() {}

    /** {@code value / reference}, when both are known and the reference is above zero. */
    static OptionalDouble ratio(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference) || reference <= 0 || value < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value / reference);
    }

    /** A ratio with about two significant digits: {@code 0.083×}, {@code 0.45×}, {@code 1.0×}, {@code 3.2×}, {@code 12×}. */
    static String formatRatio(double ratio) {
        String pattern;
        if (ratio >= 9.95) {
            pattern = "%.0f×";
        } else if (ratio >= 0.995) {
            pattern = "%.1f×";
        } else if (ratio >= 0.0995) {
            pattern = "%.2f×";
        } else {
            pattern = "%.3f×";
        }
        return String.format(Locale.ROOT, pattern, ratio);
    }

    /** A figure with about three significant digits below 100 and whole numbers (grouped) above. */
    static String formatNumber(double value) {
        if (Double.isNaN(value)) {
            return UNKNOWN;
        }
        if (value >= 99.95) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 9.995) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code value} and, when it has one against {@code reference}, its ratio in parentheses. */
    static String withRatio(double value, double reference, boolean isReference) {
        String text = formatNumber(value);
        if (isReference) {
            return text;
        }
        OptionalDouble ratio = ratio(value, reference);
        return ratio.isPresent() ? text + " (" + formatRatio(ratio.getAsDouble()) + ")" : text;
    }
}
