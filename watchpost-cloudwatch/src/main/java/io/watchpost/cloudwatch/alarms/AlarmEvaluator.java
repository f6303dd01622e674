package io.watchpost.cloudwatch.alarms;

/**
 * The decision of one evaluation, as CloudWatch documents it ("Configuring how CloudWatch alarms treat missing
 * data"): the alarm reads an evaluation range of {@link #rangeSize R = N + 2} periods. With at least N real
 * datapoints in the range, the N most recent real ones decide (TreatMissingData plays no part). With fewer, the
 * missing ones are filled by TreatMissingData: {@code breaching}/{@code notBreaching} count as such; {@code ignore}
 * and {@code missing} decide only when the fill cannot change the outcome, otherwise {@code ignore} keeps the state
 * and {@code missing} goes by the real datapoints alone. With none at all: missing → INSUFFICIENT_DATA, ignore →
 * unchanged, breaching → ALARM, notBreaching → OK. Pure; allocation-free apart from the result.
 */
final class AlarmEvaluator {
    static final String ALARM = "ALARM";
    static final String OK = "OK";
    static final String INSUFFICIENT = "INSUFFICIENT_DATA";

    private AlarmEvaluator() {}

    /** The number of periods read for an alarm of {@code n} evaluation periods. */
    static int rangeSize(int n) {
        return n + 2;
    }

    /**
     * The outcome. {@code state} is null when the alarm keeps its current state. {@code used} is how many of the
     * most recent real datapoints were evaluated, {@code filled} how many missing ones were filled, {@code breaching}
     * how many of the evaluated ones (fills included) breach.
     */
    record Decision(String state, int used, int filled, int breaching) {}

    /** {@code values} oldest first, NaN where the period has no datapoint. */
    static Decision decide(double[] values, int n, int m, String operator, double threshold, String treatMissing) {
        int real = 0;
        int used = 0;
        int breaching = 0;
        for (int i = values.length - 1; i >= 0 && used < n; i--) {
            if (!Double.isNaN(values[i])) {
                real++;
                used++;
                if (breaches(operator, values[i], threshold)) {
                    breaching++;
                }
            }
        }
        String mode = treatMissing == null ? "missing" : treatMissing;
        if (real == 0) {
            return switch (mode) {
                case "breaching" -> new Decision(ALARM, 0, n, n);
                case "notBreaching" -> new Decision(OK, 0, n, 0);
                case "ignore" -> new Decision(null, 0, 0, 0);
                default -> new Decision(INSUFFICIENT, 0, 0, 0);
            };
        }
        if (used >= n) {
            return new Decision(breaching >= m ? ALARM : OK, used, 0, breaching);
        }
        int fill = n - used;
        return switch (mode) {
            case "breaching" -> new Decision(breaching + fill >= m ? ALARM : OK, used, fill, breaching + fill);
            case "notBreaching" -> new Decision(breaching >= m ? ALARM : OK, used, fill, breaching);
            default -> partial(mode, used, fill, breaching, m);
        };
    }

    private static Decision partial(String mode, int used, int fill, int breaching, int m) {
        if (breaching >= m) {
            return new Decision(ALARM, used, 0, breaching);
        }
        if (breaching + fill < m) {
            return new Decision(OK, used, 0, breaching);
        }
        if (mode.equals("ignore")) {
            return new Decision(null, used, 0, breaching);
        }
        // "missing": the real datapoints decide on their own (one breaching datapoint out of one is ALARM).
        return new Decision(breaching >= Math.min(m, used) ? ALARM : OK, used, 0, breaching);
    }

    static boolean breaches(String operator, double value, double threshold) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> false;
        };
    }

    static String phrase(String operator) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            case "LessThanOrEqualToThreshold" -> "less than or equal to";
            default -> operator;
        };
    }
}
