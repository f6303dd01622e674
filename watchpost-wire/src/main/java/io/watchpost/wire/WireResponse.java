package io.watchpost.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response produced by the wire layer: status, headers and body bytes. */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {
    public WireResponse {
        headers = Map.copyOf(headers);
        requireNonNull(body, "body is null");
    }

    public static WireResponse of(int status, String contentType, byte[] body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("x-amzn-RequestId", requestId);
        return new WireResponse(status, headers, body);
    }

    public static WireResponse text(int status, String contentType, String body, String requestId) {
        return of(status, contentType, body.getBytes(UTF_8), requestId);
    }

    public WireResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireResponse(status, copy, body);
    }
}
