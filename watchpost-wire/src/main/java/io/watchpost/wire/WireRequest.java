package io.watchpost.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the wire layer sees it, independent of the HTTP server: the raw (still percent-encoded)
 * path and query, headers with case-insensitive names, and the body as received (before any gzip decoding,
 * because SigV4 signs the bytes that were sent).
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body, String remoteAddress) {
    public WireRequest {
        requireNonNull(method, "method is null");
        requireNonNull(rawPath, "rawPath is null");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> sorted.merge(name, List.copyOf(values), (a, b) -> {
            List<String> merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        headers = java.util.Collections.unmodifiableSortedMap(sorted);
        requireNonNull(body, "body is null");
        requireNonNull(remoteAddress, "remoteAddress is null");
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type of the body without parameters, lower case ("" when absent). */
    public String contentType() {
        String value = header("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
