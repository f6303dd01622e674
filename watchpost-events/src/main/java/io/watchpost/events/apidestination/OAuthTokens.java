package io.watchpost.events.apidestination;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * OAuth client-credentials tokens per connection (keyed by connection ARN, which carries its UUID), fetched from the
 * connection's AuthorizationEndpoint with the client id and secret as a Basic Authorization header and the
 * OAuthHttpParameters as headers, query string and form body, and cached until {@code expires_in} passes on the
 * injected clock (or until {@link #invalidate}, called on a 401). Thread-safe; two concurrent misses may both fetch.
 */
final class OAuthTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.function.Supplier<HttpClient> client;
    private final Clock clock;
    private final Duration timeout;
    private final ConcurrentMap<String, Token> cache = new ConcurrentHashMap<>();

    OAuthTokens(java.util.function.Supplier<HttpClient> client, Clock clock, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    record Token(String accessToken, long expiresAtMillis) {}

    /** A token fetch that did not yield a token: the endpoint's status (0 when none) and why. */
    static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        FetchException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    String token(String connectionKey, ConnectionRecord.OAuth oauth) throws FetchException, InterruptedException {
        Token cached = cache.get(connectionKey);
        if (cached != null && clock.millis() < cached.expiresAtMillis()) {
            return cached.accessToken();
        }
        Token fresh = fetch(oauth);
        cache.put(connectionKey, fresh);
        return fresh.accessToken();
    }

    void invalidate(String connectionKey) {
        cache.remove(connectionKey);
    }

    private Token fetch(ConnectionRecord.OAuth oauth) throws FetchException, InterruptedException {
        Map<String, String> headers = Requests.mergeHeaders(List.of(
                Map.of("User-Agent", Requests.USER_AGENT, "Content-Type", "application/x-www-form-urlencoded"),
                Requests.values(oauth.parameters().headers()),
                Map.of("Authorization", Requests.basic(oauth.clientId(), oauth.clientSecret()))));
        String body = Requests.formEncode(Requests.values(oauth.parameters().bodies()));
        HttpResponse<String> response;
        try {
            HttpRequest request = Requests.build(oauth.httpMethod(), Requests.uri(oauth.authorizationEndpoint(),
                    Requests.values(oauth.parameters().queryStrings())), headers, body, timeout);
            response = client.get().send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException(0, "Failed to fetch the OAuth token: " + e.getMessage());
        }
        if (response.statusCode() / 100 != 2) {
            throw new FetchException(response.statusCode(),
                    "The authorization endpoint answered HTTP " + response.statusCode() + ".");
        }
        return parse(response.body());
    }

    private Token parse(String body) throws FetchException {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode token = json == null ? null : json.get("access_token");
            if (token == null || !token.isTextual()) {
                throw new FetchException(0, "The authorization endpoint returned no access_token.");
            }
            JsonNode expiresIn = json.get("expires_in");
            long expiresAt = expiresIn != null && expiresIn.canConvertToLong()
                    ? clock.millis() + expiresIn.asLong() * 1000 : Long.MAX_VALUE;
            return new Token(token.asText(), expiresAt);
        } catch (IOException e) {
            throw new FetchException(0, "The authorization endpoint returned invalid JSON.");
        }
    }
}
