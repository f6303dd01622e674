package io.watchpost.events.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code ScheduleExpression} as EventBridge parses it (user guide, "schedule expressions"):
 * {@code rate(VALUE UNIT)} with a positive whole value and a singular unit for 1, plural otherwise; and
 * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} with the wildcards each field allows
 * ({@code , - * /} everywhere, {@code ? L W} in day-of-month, {@code ? L #} in day-of-week) and exactly one of the two
 * day fields {@code ?}. Firing the schedules is not done here.
 */
final class ScheduleExpressions {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private ScheduleExpressions() {}

    static boolean valid(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            return validRate(rate.group(1), rate.group(2));
        }
        Matcher cron = CRON.matcher(expression);
        return cron.matches() && validCron(cron.group(1).trim().split("\\s+"));
    }

    private static boolean validRate(String digits, String unit) {
        if (digits.length() > 9) {
            return false;
        }
        int value = Integer.parseInt(digits);
        return value >= 1 && (value == 1) == !unit.endsWith("s");
    }

    private static boolean validCron(String[] f) {
        if (f.length != 6) {
            return false;
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        return domAny != dowAny
                && field(f[0], 0, 59, List.of())
                && field(f[1], 0, 23, List.of())
                && (domAny || dayOfMonth(f[2]))
                && field(f[3], 1, 12, MONTHS)
                && (dowAny || dayOfWeek(f[4]))
                && field(f[5], 1970, 2199, List.of());
    }

    private static boolean dayOfMonth(String field) {
        if (field.equals("L") || field.equals("LW")) {
            return true;
        }
        if (field.endsWith("W")) {
            return number(field.substring(0, field.length() - 1), 1, 31, List.of());
        }
        return field(field, 1, 31, List.of());
    }

    private static boolean dayOfWeek(String field) {
        int hash = field.indexOf('#');
        if (hash > 0) {
            return number(field.substring(0, hash), 1, 7, DAYS) && number(field.substring(hash + 1), 1, 5, List.of());
        }
        if (field.endsWith("L") && field.length() > 1) {
            return number(field.substring(0, field.length() - 1), 1, 7, DAYS);
        }
        return field.equals("L") || field(field, 1, 7, DAYS);
    }

    /** A list of {@code *}, {@code a}, {@code a-b}, each optionally followed by {@code /step}. */
    private static boolean field(String field, int min, int max, List<String> names) {
        for (String part : field.split(",", -1)) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            if (slash >= 0 && !number(part.substring(slash + 1), 1, max, List.of())) {
                return false;
            }
            if (!range.equals("*") && !range(range, min, max, names)) {
                return false;
            }
        }
        return true;
    }

    private static boolean range(String range, int min, int max, List<String> names) {
        int dash = range.indexOf('-', 1);
        if (dash < 0) {
            return number(range, min, max, names);
        }
        return number(range.substring(0, dash), min, max, names) && number(range.substring(dash + 1), min, max, names);
    }

    private static boolean number(String text, int min, int max, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return true;
        }
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int value = Integer.parseInt(text);
        return value >= min && value <= max;
    }
}
