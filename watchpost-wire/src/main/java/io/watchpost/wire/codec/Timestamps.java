package io.watchpost.wire.codec;

import io.watchpost.core.HttpDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Timestamp conversions of the AWS protocols: ISO 8601, RFC 822 (HTTP date) and epoch seconds. */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);


    private Timestamps() {}

    /** {@code 2026-11-24T07:00:00.000Z}: what awsQuery answers carry. */
    public static String iso8601(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The HTTP date, {@code Tue, 03 Mar 2026 07:00:00 GMT}, always with a two-digit day. */
    public static String rfc822(Instant instant) {
        return HttpDates.format(instant);
    }

    /** Epoch seconds with millisecond precision, never in exponent notation. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** Parses what clients send: epoch seconds (fractional allowed), ISO 8601 or an HTTP date. */
    public static Instant parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new CodecException("Invalid timestamp: empty");
        }
        char first = value.charAt(0);
        if (Character.isDigit(first) && !value.contains("-") || first == '-' && !value.contains(":")) {
            try {
                return fromEpochSeconds(new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw new CodecException("Invalid timestamp: " + value);
            }
        }
        try {
            if (Character.isDigit(first)) {
                return DateTimeFormatter.ISO_DATE_TIME.parse(value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")
                        ? value : value + "Z", Instant::from);
            }
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw new CodecException("Invalid timestamp: " + value);
        }
    }

    public static Instant fromEpochSeconds(BigDecimal seconds) {
        if (seconds.abs().compareTo(BigDecimal.valueOf(9_000_000_000_000L)) > 0) {
            throw new CodecException("Timestamp out of range: " + seconds.toPlainString());
        }
        BigDecimal millis = seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochMilli(millis.longValueExact());
    }
}
