package io.watchpost.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsException;

/**
 * Errors for requests that could not be tied to a service or protocol: a JSON document with {@code __type}
 * and {@code message} plus {@code X-Amzn-ErrorType}, which every JSON and REST client parses.
 */
final class Fallback {
    private Fallback() {}

    static WireResponse error(AwsException error, String requestId) {
        String body = "{\"__type\":\"" + error.error().code() + "\",\"message\":\"" + escape(error.getMessage())
                + "\"}";
        return WireResponse.of(error.error().httpStatus(), "application/json", body.getBytes(UTF_8), requestId)
                .withHeader("X-Amzn-ErrorType", error.error().code());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
