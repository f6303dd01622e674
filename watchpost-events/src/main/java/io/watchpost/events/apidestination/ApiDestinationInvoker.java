package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Lazy;
import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Invokes API destinations with real HTTP calls, as EventBridge does: the destination's endpoint (its {@code *}
 * wildcards filled from the target's path parameters) and method, the connection's authorization (Basic, API key,
 * or an OAuth client-credentials token fetched, cached and refreshed on 401), the connection's invocation
 * parameters merged over the target's, EventBridge's default headers, and the destination's rate limit as a token
 * bucket on the injected clock. Blocking: call it from the delivery worker, not a request thread. Thread-safe.
 */
public final class ApiDestinationInvoker {
    /** EventBridge gives an API destination 5 seconds to answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Connections connections;
    private final StateTable<DestinationRecord> destinations;
    private final Clock clock;
    private final Supplier<HttpClient> client;
    private final Duration timeout;
    private final RateLimiter rateLimiter;
    private final OAuthTokens tokens;

    /** The HTTP client is built on the first invocation: most servers never call an API destination. */
    public ApiDestinationInvoker(StateJournal journal, Clock clock) {
        this(journal, clock, Lazy.of(() -> HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build()),
                DEFAULT_TIMEOUT);
    }

    public ApiDestinationInvoker(StateJournal journal, Clock clock, HttpClient client, Duration timeout) {
        this(journal, clock, () -> client, timeout);
        requireNonNull(client, "client is null");
    }

    private ApiDestinationInvoker(StateJournal journal, Clock clock, Supplier<HttpClient> client, Duration timeout) {
        requireNonNull(journal, "journal is null");
        this.connections = new Connections(journal);
        this.destinations = journal.table(DestinationOperations.TABLE, DestinationRecord.class);
        this.clock = requireNonNull(clock, "clock is null");
        this.client = client;
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.rateLimiter = new RateLimiter(clock);
        this.tokens = new OAuthTokens(client, clock, timeout);
    }

    /** Sends {@code payload} (the event or its transformed input) to the destination {@code apiDestinationArn}. */
    public InvocationResult invoke(Scope scope, String apiDestinationArn, String payload, HttpParameters parameters) {
        Optional<DestinationRecord> found = destination(scope, apiDestinationArn);
        if (found.isEmpty()) {
            return InvocationResult.drop("API destination " + apiDestinationArn + " does not exist.");
        }
        DestinationRecord destination = found.get();
        Optional<ConnectionRecord> connection = connections.byArn(scope, destination.connectionArn());
        if (connection.isEmpty()) {
            return InvocationResult.drop("Connection " + destination.connectionArn() + " does not exist.");
        }
        if (connection.get().state().equals("DEAUTHORIZED")) {
            return InvocationResult.drop("Connection " + connection.get().name() + " is deauthorized.");
        }
        Optional<Duration> wait = rateLimiter.acquire(apiDestinationArn, destination.invocationRateLimitPerSecond());
        if (wait.isPresent()) {
            return InvocationResult.throttled(wait.get());
        }
        try {
            return send(scope, destination, connection.get(), payload,
                    parameters == null ? HttpParameters.NONE : parameters);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.retry("Interrupted.");
        }
    }

    private InvocationResult send(Scope scope, DestinationRecord destination, ConnectionRecord connection,
            String payload, HttpParameters parameters) throws InterruptedException {
        // Tokens are cached per connection and OAuth settings, so an updated client secret gets a fresh token.
        String tokenKey = Connections.arn(scope, connection) + "#" + Objects.hashCode(connection.oauth());
        Map<String, String> auth;
        try {
            auth = authorization(scope, connection, tokenKey);
        } catch (OAuthTokens.FetchException e) {
            return tokenFailure(scope, connection, e);
        }
        InvocationResult result = call(destination, connection, payload, parameters, auth);
        if (result.statusCode() == 401 && connection.oauth() != null) {
            // The cached token may have been revoked early: fetch a new one and try once more.
            tokens.invalidate(tokenKey);
            try {
                auth = authorization(scope, connection, tokenKey);
            } catch (OAuthTokens.FetchException e) {
                return tokenFailure(scope, connection, e);
            }
            result = call(destination, connection, payload, parameters, auth);
        }
        return result;
    }

    private InvocationResult call(DestinationRecord destination, ConnectionRecord connection, String payload,
            HttpParameters parameters, Map<String, String> auth) throws InterruptedException {
        HttpParams own = connection.invocationParameters();
        Map<String, String> headers = Requests.mergeHeaders(List.of(Payloads.DEFAULT_HEADERS,
                parameters.headerParameters(), Requests.values(own.headers()), auth));
        Map<String, String> query = Requests.mergeHeaders(List.of(parameters.queryStringParameters(),
                Requests.values(own.queryStrings())));
        try {
            String url = Requests.substitutePath(destination.invocationEndpoint(), parameters.pathParameterValues());
            var request = Requests.build(destination.httpMethod(), Requests.uri(url, query), headers,
                    Payloads.withBodyParameters(payload, own.bodies()), timeout);
            HttpResponse<Void> response = client.get().send(request, HttpResponse.BodyHandlers.discarding());
            return InvocationResult.of(response.statusCode(), "HTTP " + response.statusCode());
        } catch (HttpTimeoutException e) {
            return InvocationResult.retry("Timed out after " + timeout.toMillis() + " ms.");
        } catch (IOException e) {
            return InvocationResult.retry("Connection failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return InvocationResult.drop("Invalid request: " + e.getMessage());
        }
    }

    private Map<String, String> authorization(Scope scope, ConnectionRecord c, String tokenKey)
            throws OAuthTokens.FetchException, InterruptedException {
        return switch (c.authorizationType()) {
            case ConnectionRecord.BASIC -> Map.of("Authorization", Requests.basic(c.username(), c.password()));
            case ConnectionRecord.API_KEY -> Map.of(c.apiKeyName(), c.apiKeyValue());
            default -> {
                String token = tokens.token(tokenKey, c.oauth());
                markAuthorized(scope, c);
                yield Map.of("Authorization", "Bearer " + token);
            }
        };
    }

    private void markAuthorized(Scope scope, ConnectionRecord c) {
        if (!c.state().equals("AUTHORIZED")) {
            long now = clock.millis();
            connections.put(scope, c.withState("AUTHORIZED", null, now, now));
        }
    }

    /** A client error from the token endpoint deauthorizes the connection, as in EventBridge; others are retried. */
    private InvocationResult tokenFailure(Scope scope, ConnectionRecord c, OAuthTokens.FetchException e) {
        if (e.status >= 400 && e.status < 500 && e.status != 429) {
            connections.put(scope, c.withState("DEAUTHORIZED", e.getMessage(), clock.millis(),
                    c.lastAuthorizedMillis()));
            return new InvocationResult(InvocationResult.Outcome.DROP, 0, e.getMessage(), Optional.empty());
        }
        return InvocationResult.retry(e.getMessage());
    }

    private Optional<DestinationRecord> destination(Scope scope, String arn) {
        String prefix = scope.arn("events", "api-destination/").toString();
        if (arn == null || !arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = arn.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return destinations.get(scope.key(rest.substring(0, slash)))
                .filter(d -> d.uuid().equals(rest.substring(slash + 1)));
    }
}
