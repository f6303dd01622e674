package io.watchpost.cloudwatch.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders labels with CloudWatch's dynamic-label placeholders: {@code ${LABEL}} (the default label),
 * {@code ${PROP('Dim.<name>')}}, {@code ${PROP('MetricName' | 'Namespace' | 'Period' | 'Region' | 'Stat' |
 * 'AccountId')}}, the statistics {@code ${AVG} ${MIN} ${MAX} ${SUM} ${DATAPOINT_COUNT} ${FIRST} ${LAST}
 * ${FIRST_LAST_RANGE} ${MIN_MAX_RANGE}} and the times {@code ${FIRST_TIME} ${LAST_TIME} ${MIN_TIME} ${MAX_TIME}},
 * their {@code _RELATIVE} forms and {@code ${FIRST_LAST_TIME_RANGE} ${MIN_MAX_TIME_RANGE}}, over the returned
 * datapoints. Times use {@code LabelOptions.Timezone}. Unknown placeholders are left as written.
 */
final class Labels {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(PROP\\('([^']*)'\\)|[A-Z_]+)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Where a label is rendered: the caller's region and account, the label time zone and the current time. */
    record Setting(String region, String accountId, ZoneOffset timezone, Instant now) {}

    private Labels() {}

    static String render(String template, String defaultLabel, TimeSeries series, Setting setting) {
        if (template.indexOf("${") < 0) {
            return template;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? property(m.group(2), series, setting)
                    : m.group(1).equals("LABEL") ? defaultLabel : statistic(m.group(1), series, setting);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String property(String name, TimeSeries series, Setting setting) {
        SeriesInfo info = series.info();
        if (name.startsWith("Dim.")) {
            return info.metric().map(m -> m.dimensions().getOrDefault(name.substring(4), "")).orElse("");
        }
        return switch (name) {
            case "MetricName" -> info.metric().map(m -> m.metricName()).orElse("");
            case "Namespace" -> info.metric().map(m -> m.namespace()).orElse("");
            case "Period" -> String.valueOf(info.period());
            case "Stat" -> info.stat();
            case "Region" -> setting.region();
            case "AccountId" -> setting.accountId();
            default -> null;
        };
    }

    private static String statistic(String name, TimeSeries s, Setting setting) {
        int n = s.size();
        if (name.equals("DATAPOINT_COUNT")) {
            return String.valueOf(n);
        }
        if (n == 0) {
            return isKnown(name) ? "" : null;
        }
        int minAt = 0;
        int maxAt = 0;
        for (int i = 1; i < n; i++) {
            minAt = s.values()[i] < s.values()[minAt] ? i : minAt;
            maxAt = s.values()[i] > s.values()[maxAt] ? i : maxAt;
        }
        double[] v = s.values();
        long[] t = s.times();
        return switch (name) {
            case "AVG" -> number(Aggregates.overTime(Fn.AVG, s));
            case "SUM" -> number(Aggregates.overTime(Fn.SUM, s));
            case "MIN" -> number(v[minAt]);
            case "MAX" -> number(v[maxAt]);
            case "FIRST" -> number(v[0]);
            case "LAST" -> number(v[n - 1]);
            case "FIRST_LAST_RANGE" -> number(v[n - 1] - v[0]);
            case "MIN_MAX_RANGE" -> number(v[maxAt] - v[minAt]);
            case "FIRST_TIME" -> time(t[0], setting);
            case "LAST_TIME" -> time(t[n - 1], setting);
            case "MIN_TIME" -> time(t[minAt], setting);
            case "MAX_TIME" -> time(t[maxAt], setting);
            case "FIRST_TIME_RELATIVE" -> duration(setting.now().getEpochSecond() - t[0]);
            case "LAST_TIME_RELATIVE" -> duration(setting.now().getEpochSecond() - t[n - 1]);
            case "MIN_TIME_RELATIVE" -> duration(setting.now().getEpochSecond() - t[minAt]);
            case "MAX_TIME_RELATIVE" -> duration(setting.now().getEpochSecond() - t[maxAt]);
            case "FIRST_LAST_TIME_RANGE" -> duration(t[n - 1] - t[0]);
            case "MIN_MAX_TIME_RANGE" -> duration(Math.abs(t[maxAt] - t[minAt]));
            default -> null;
        };
    }

    private static boolean isKnown(String name) {
        return name.matches("AVG|SUM|MIN|MAX|FIRST|LAST|FIRST_LAST_RANGE|MIN_MAX_RANGE|(FIRST|LAST|MIN|MAX)_TIME"
                + "|(FIRST|LAST|MIN|MAX)_TIME_RELATIVE|FIRST_LAST_TIME_RANGE|MIN_MAX_TIME_RANGE");
    }

    /** Up to 10 significant digits, no trailing zeros, no exponent: 12.5, 3, 0.001. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String time(long epochSecond, Setting setting) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atOffset(setting.timezone()));
    }

    /** A non-negative duration as {@code 1d 2h 3m 4s}, leaving out zero units ({@code 0s} when zero). */
    private static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        StringBuilder out = new StringBuilder();
        append(out, d.toDays(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        return out.isEmpty() ? "0s" : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(out.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
