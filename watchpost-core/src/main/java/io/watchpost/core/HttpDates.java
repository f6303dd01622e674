package io.watchpost.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTTP dates as AWS writes them: RFC 7231 IMF-fixdate, always two day digits ({@code RFC_1123_DATE_TIME} is not). */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {}

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
