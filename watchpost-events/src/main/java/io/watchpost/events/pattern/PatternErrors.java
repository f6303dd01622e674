package io.watchpost.events.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns event-ruler's compile failures into the reason EventBridge puts after
 * {@code "Event pattern is not valid. Reason: "}. EventBridge passes the Jackson message through, location included
 * ({@code "\"int\" must be an object or an array\n at [Source: (String)\"{\"int\": 42}\"; line: 1, column: 11]"}),
 * and event-ruler's own {@code IllegalArgumentException}s (CIDR checks) without a location.
 */
final class PatternErrors {
    private static final Pattern UNRECOGNIZED_TOKEN =
            Pattern.compile("^Unrecognized token '([^']*)'(.*?)\\n at \\[Source: (.*); line: (\\d+), column: (\\d+)\\]$",
                    Pattern.DOTALL);

    private PatternErrors() {}

    static String reason(String text, Exception e) {
        String message = e.getMessage() == null ? "Invalid JSON" : e.getMessage();
        if (e instanceof JsonProcessingException) {
            return tokenEndColumn(message);
        }
        return message;
    }

    /**
     * EventBridge's Jackson reports an unrecognized token at the column after the token; newer Jackson releases
     * report the column where it starts. Recorded from AWS: {@code this is valid json} fails at column 5.
     */
    private static String tokenEndColumn(String message) {
        Matcher m = UNRECOGNIZED_TOKEN.matcher(message);
        if (!m.matches()) {
            return message;
        }
        int column = Integer.parseInt(m.group(5)) + m.group(1).length();
        return "Unrecognized token '" + m.group(1) + "'" + m.group(2) + "\n at [Source: " + m.group(3) + "; line: "
                + m.group(4) + ", column: " + column + "]";
    }
}
