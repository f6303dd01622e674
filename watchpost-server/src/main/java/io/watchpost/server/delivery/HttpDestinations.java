package io.watchpost.server.delivery;

import io.watchpost.core.Lazy;
import io.watchpost.server.config.DestinationMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Delivers payloads for destinations mapped in configuration: a POST of the exact bytes AWS would deliver, with
 * the destination ARN in {@code X-Watchpost-Destination-Arn}. A 2xx answer is a delivery; anything else, or no
 * answer, throws so that the caller's retry policy applies. The first matching mapping wins. Thread-safe.
 */
public final class HttpDestinations {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<DestinationMapping> mappings;
    /** Built on first delivery: creating an HttpClient costs start-up time (its TLS setup) most servers never use. */
    private final Lazy<HttpClient> http = Lazy.of(() -> HttpClient.newBuilder().connectTimeout(TIMEOUT).build());

    public HttpDestinations(List<DestinationMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public Optional<URI> endpoint(String arn) {
        return mappings.stream().filter(mapping -> mapping.matches(arn)).map(DestinationMapping::url).findFirst();
    }

    /**
     * Posts {@code payload} to the endpoint mapped for {@code arn}.
     *
     * @return false when no endpoint is mapped for the ARN (nothing was sent)
     * @throws IOException when the endpoint does not answer 2xx
     */
    public boolean deliver(String arn, byte[] payload, String contentType, String source)
            throws IOException, InterruptedException {
        Optional<URI> endpoint = endpoint(arn);
        if (endpoint.isEmpty()) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.get())
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("X-Watchpost-Destination-Arn", arn)
                .header("X-Watchpost-Source", source)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        HttpResponse<Void> response = http.get().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("destination " + arn + " at " + endpoint.get() + " answered "
                    + response.statusCode());
        }
        return true;
    }
}
