package io.watchpost.cloudwatch.alarms;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an alarm mute rule mutes: {@code cron(Minutes Hours Day-of-month Month Day-of-week)} opens a window at every
 * matching minute (recurring), {@code at(yyyy-MM-ddThh:mm)} once; each window lasts {@code Duration} (ISO 8601,
 * {@code PT1M} to {@code P15D}). Both are read in {@code Timezone} (UTC by default), as the CloudWatch API
 * reference's {@code Schedule} documents them. Cron fields take {@code *}, numbers, ranges {@code a-b}, lists
 * {@code a,b}, steps {@code /n}, and English names for months and days of the week (0 and 7 are Sunday). As in
 * standard cron, when both day fields are restricted a day matches either.
 *
 * <p>A window is active from its start (inclusive) to start + duration (exclusive). Immutable, thread-safe.
 */
final class MuteSchedule {
    static final Duration MIN_DURATION = Duration.ofMinutes(1);
    static final Duration MAX_DURATION = Duration.ofDays(15);
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final ZoneId zone;
    private final Duration duration;
    private final LocalDateTime at;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private MuteSchedule(ZoneId zone, Duration duration, LocalDateTime at, BitSet[] fields, boolean domRestricted,
            boolean dowRestricted) {
        this.zone = zone;
        this.duration = duration;
        this.at = at;
        this.minutes = fields == null ? null : fields[0];
        this.hours = fields == null ? null : fields[1];
        this.daysOfMonth = fields == null ? null : fields[2];
        this.months = fields == null ? null : fields[3];
        this.daysOfWeek = fields == null ? null : fields[4];
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
    }

    /** Parses a schedule; the message of the {@link IllegalArgumentException} names what is wrong. */
    static MuteSchedule parse(String expression, String duration, String timezone) {
        ZoneId zone = zone(timezone);
        Duration length = duration(duration);
        Matcher at = AT.matcher(expression);
        if (at.matches()) {
            try {
                return new MuteSchedule(zone, length, LocalDateTime.parse(at.group(1)), null, false, false);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid at expression: " + expression);
            }
        }
        Matcher cron = CRON.matcher(expression);
        if (!cron.matches()) {
            throw new IllegalArgumentException("Invalid schedule expression: " + expression
                    + ". Use cron(Minutes Hours Day-of-month Month Day-of-week) or at(yyyy-MM-ddThh:mm)");
        }
        String[] parts = cron.group(1).trim().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("Invalid cron expression: " + expression
                    + ". A cron expression has five fields: Minutes Hours Day-of-month Month Day-of-week");
        }
        BitSet[] fields = {
            field(parts[0], 0, 59, List.of(), 0, expression),
            field(parts[1], 0, 23, List.of(), 0, expression),
            field(parts[2], 1, 31, List.of(), 0, expression),
            field(parts[3], 1, 12, MONTHS, 1, expression),
            field(parts[4], 0, 7, DAYS, 0, expression),
        };
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        return new MuteSchedule(zone, length, null, fields, !parts[2].equals("*"), !parts[4].equals("*"));
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid timezone: " + timezone);
        }
    }

    private static Duration duration(String text) {
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid duration: " + text
                    + ". Use an ISO 8601 duration such as PT4H or P2DT12H");
        }
        if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("Invalid duration: " + text
                    + ". The duration must be between PT1M and P15D");
        }
        return d;
    }

    private static BitSet field(String text, int min, int max, List<String> names, int nameBase, String expr) {
        BitSet bits = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = number(item.substring(slash + 1), 1, max, List.of(), 0, expr);
                range = item.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = number(range.substring(0, dash), min, max, names, nameBase, expr);
                to = number(range.substring(dash + 1), min, max, names, nameBase, expr);
                if (to < from) {
                    throw new IllegalArgumentException("Invalid cron expression: " + expr + ". Range " + range
                            + " ends before it starts");
                }
            } else {
                from = number(range, min, max, names, nameBase, expr);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, List<String> names, int nameBase, String expr) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameBase;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("Invalid cron expression: " + expr + ". '" + text
                + "' is not a value between " + min + " and " + max);
    }

    /** {@code ONE_TIME} for an at expression, {@code RECURRING} for cron. */
    String muteType() {
        return at != null ? "ONE_TIME" : "RECURRING";
    }

    /** The start of the window that contains {@code t}, if one does. */
    Optional<Instant> windowAt(Instant t) {
        Optional<Instant> start = firstStartAfter(t.minus(duration));
        return start.filter(s -> !s.isAfter(t));
    }

    /** The end of a one-time window; empty for a recurring schedule. */
    Optional<Instant> oneTimeEnd() {
        return at == null ? Optional.empty() : Optional.of(at.atZone(zone).toInstant().plus(duration));
    }

    /** The first window start strictly after {@code t} (whole minutes), within {@link #MAX_DURATION} plus a year. */
    Optional<Instant> firstStartAfter(Instant t) {
        if (at != null) {
            Instant start = at.atZone(zone).toInstant();
            return start.isAfter(t) ? Optional.of(start) : Optional.empty();
        }
        ZonedDateTime z = t.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = z.plusYears(5);
        while (z.isBefore(limit)) {
            if (!months.get(z.getMonthValue())) {
                z = z.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(z)) {
                z = z.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(z.getHour())) {
                z = z.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(z.getMinute())) {
                z = z.plusMinutes(1);
            } else {
                return Optional.of(z.toInstant());
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime z) {
        boolean dom = daysOfMonth.get(z.getDayOfMonth());
        boolean dow = daysOfWeek.get(z.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }
}
