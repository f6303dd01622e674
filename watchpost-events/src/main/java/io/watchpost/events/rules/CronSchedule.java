package io.watchpost.events.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A parsed EventBridge {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} expression (already checked by
 * {@link ScheduleExpressions}), evaluated in UTC one minute at a time: {@link #matches} says whether a minute fires.
 * Day-of-month supports {@code L}, {@code LW}, {@code nW}; day-of-week (1 = SUN) {@code nL} and {@code n#k}. Immutable.
 */
final class CronSchedule {
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final String dayOfMonth;
    private final BitSet months;
    private final String dayOfWeek;
    private final BitSet years;

    private CronSchedule(String[] f) {
        minutes = set(f[0], 0, 59, List.of());
        hours = set(f[1], 0, 23, List.of());
        dayOfMonth = f[2].toUpperCase(Locale.ROOT);
        months = set(f[3], 1, 12, MONTHS);
        dayOfWeek = f[4].toUpperCase(Locale.ROOT);
        years = set(f[5], 1970, 2199, List.of());
    }

    /** Parses the body of {@code cron(...)}; the expression must have passed {@link ScheduleExpressions#valid}. */
    static CronSchedule parse(String expression) {
        String body = expression.substring("cron(".length(), expression.length() - 1).trim();
        return new CronSchedule(body.split("\\s+"));
    }

    boolean matches(ZonedDateTime minute) {
        return minutes.get(minute.getMinute()) && hours.get(minute.getHour()) && months.get(minute.getMonthValue())
                && years.get(minute.getYear()) && dayMatches(minute.toLocalDate());
    }

    private boolean dayMatches(LocalDate date) {
        return dayOfMonth.equals("?") ? dayOfWeekMatches(date) : dayOfMonthMatches(date);
    }

    private boolean dayOfMonthMatches(LocalDate date) {
        int last = date.lengthOfMonth();
        if (dayOfMonth.equals("L")) {
            return date.getDayOfMonth() == last;
        }
        if (dayOfMonth.equals("LW")) {
            return date.equals(nearestWeekday(date.withDayOfMonth(last)));
        }
        if (dayOfMonth.endsWith("W")) {
            int day = Math.min(Integer.parseInt(dayOfMonth.substring(0, dayOfMonth.length() - 1)), last);
            return date.equals(nearestWeekday(date.withDayOfMonth(day)));
        }
        return set(dayOfMonth, 1, 31, List.of()).get(date.getDayOfMonth());
    }

    /** The weekday nearest {@code day} within its month (Quartz's W rule). */
    private static LocalDate nearestWeekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
        }
        if (dow == DayOfWeek.SUNDAY) {
            return day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
        }
        return day;
    }

    private boolean dayOfWeekMatches(LocalDate date) {
        int today = date.getDayOfWeek().getValue() % 7 + 1; // 1 = SUN ... 7 = SAT
        int hash = dayOfWeek.indexOf('#');
        if (hash > 0) {
            int nth = Integer.parseInt(dayOfWeek.substring(hash + 1));
            return today == value(dayOfWeek.substring(0, hash), DAYS, 1)
                    && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        if (dayOfWeek.equals("L")) {
            return today == 7;
        }
        if (dayOfWeek.endsWith("L")) {
            return today == value(dayOfWeek.substring(0, dayOfWeek.length() - 1), DAYS, 1)
                    && date.plusDays(7).getMonthValue() != date.getMonthValue();
        }
        return set(dayOfWeek, 1, 7, DAYS).get(today);
    }

    private static BitSet set(String field, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            int step = slash < 0 ? 1 : Integer.parseInt(part.substring(slash + 1));
            int from = min;
            int to = max;
            if (!range.equals("*")) {
                int dash = range.indexOf('-', 1);
                from = value(dash < 0 ? range : range.substring(0, dash), names, min);
                to = dash < 0 ? (slash < 0 ? from : max) : value(range.substring(dash + 1), names, min);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, List<String> names, int firstNamed) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        return named >= 0 ? named + firstNamed : Integer.parseInt(text);
    }
}
