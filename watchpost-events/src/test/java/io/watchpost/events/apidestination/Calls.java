package io.watchpost.events.apidestination;

import io.watchpost.core.RequestContext;
import io.watchpost.core.Principal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHttpParameters;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;

/** Request builders shared by the tests. */
final class Calls {
    private Calls() {}

    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    static RequestContext ctx(String operation) {
        return new RequestContext("req-1", new Principal("AKID", "000000000000", "tester"), "us-east-1", "events",
                operation, "127.0.0.1", "test", START);
    }

    static CreateConnectionRequest basic(String name, String user, String password) {
        return CreateConnectionRequest.builder().name(name).authorizationType("BASIC")
                .authParameters(a -> a.basicAuthParameters(b -> b.username(user).password(password))).build();
    }

    static CreateConnectionRequest apiKey(String name, String key, String value) {
        return CreateConnectionRequest.builder().name(name).authorizationType("API_KEY")
                .authParameters(a -> a.apiKeyAuthParameters(b -> b.apiKeyName(key).apiKeyValue(value))).build();
    }

    static ConnectionHttpParameters headers(List<ConnectionHeaderParameter> headers) {
        return ConnectionHttpParameters.builder().headerParameters(headers).build();
    }

    static CreateApiDestinationRequest destination(String name, String connectionArn, String endpoint,
            String method, Integer rate) {
        return CreateApiDestinationRequest.builder().name(name).connectionArn(connectionArn)
                .invocationEndpoint(endpoint).httpMethod(method).invocationRateLimitPerSecond(rate).build();
    }
}
