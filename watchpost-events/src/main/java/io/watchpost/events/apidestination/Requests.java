package io.watchpost.events.apidestination;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the HTTP requests EventBridge sends: URL with path and query parameters, headers, body. Stateless. */
final class Requests {
    static final String USER_AGENT = "Amazon/EventBridge/ApiDestinations";
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "OPTIONS");

    private Requests() {}

    /** Replaces each {@code *} of the endpoint, in order, with the next path parameter value. */
    static String substitutePath(String endpoint, List<String> values) {
        StringBuilder out = new StringBuilder(endpoint.length());
        int next = 0;
        for (int i = 0; i < endpoint.length(); i++) {
            char ch = endpoint.charAt(i);
            if (ch == '*' && next < values.size()) {
                out.append(URLEncoder.encode(values.get(next++), UTF_8).replace("+", "%20"));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static URI uri(String base, Map<String, String> query) {
        if (query.isEmpty()) {
            return URI.create(base);
        }
        StringBuilder out = new StringBuilder(base).append(base.indexOf('?') >= 0 ? '&' : '?');
        out.append(formEncode(query));
        return URI.create(out.toString());
    }

    static String formEncode(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(e.getKey(), UTF_8)).append('=').append(URLEncoder.encode(e.getValue(), UTF_8));
        }
        return out.toString();
    }

    /** Later maps win over earlier ones, keys compared case-insensitively for headers. */
    static Map<String, String> mergeHeaders(List<Map<String, String>> layers) {
        Map<String, String> byLower = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> layer : layers) {
            for (Map.Entry<String, String> e : layer.entrySet()) {
                String lower = e.getKey().toLowerCase(Locale.ROOT);
                byLower.put(lower, e.getValue());
                names.put(lower, e.getKey());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byLower.forEach((lower, value) -> out.put(names.get(lower), value));
        return out;
    }

    static Map<String, String> values(List<Param> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : params) {
            out.put(p.key(), p.value());
        }
        return out;
    }

    static HttpRequest build(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpRequest.BodyPublisher publisher = BODYLESS.contains(method) || body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, UTF_8);
        return request.method(method, publisher).build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }
}
