package io.watchpost.events.apidestination;

import io.watchpost.core.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.Connection;
import software.amazon.awssdk.services.eventbridge.model.ConnectionApiKeyAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBasicAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthClientResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;

/** Connections as the API shows them: never a password, API-key value, client secret or secret parameter value. */
final class ConnectionViews {
    private ConnectionViews() {}

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static DescribeConnectionResponse described(Scope scope, ConnectionRecord c) {
        ConnectionAuthResponseParameters.Builder auth = ConnectionAuthResponseParameters.builder();
        if (c.username() != null) {
            auth.basicAuthParameters(ConnectionBasicAuthResponseParameters.builder().username(c.username()).build());
        }
        if (c.apiKeyName() != null) {
            auth.apiKeyAuthParameters(ConnectionApiKeyAuthResponseParameters.builder()
                    .apiKeyName(c.apiKeyName()).build());
        }
        if (c.oauth() != null) {
            ConnectionOAuthResponseParameters.Builder oauth = ConnectionOAuthResponseParameters.builder()
                    .clientParameters(ConnectionOAuthClientResponseParameters.builder()
                            .clientID(c.oauth().clientId()).build())
                    .authorizationEndpoint(c.oauth().authorizationEndpoint())
                    .httpMethod(c.oauth().httpMethod());
            if (!c.oauth().parameters().isEmpty()) {
                oauth.oAuthHttpParameters(HttpParamsCodec.toApi(c.oauth().parameters()));
            }
            auth.oAuthParameters(oauth.build());
        }
        if (!c.invocationParameters().isEmpty()) {
            auth.invocationHttpParameters(HttpParamsCodec.toApi(c.invocationParameters()));
        }
        return DescribeConnectionResponse.builder()
                .connectionArn(Connections.arn(scope, c))
                .name(c.name())
                .description(c.description())
                .connectionState(c.state())
                .stateReason(c.stateReason())
                .authorizationType(c.authorizationType())
                .secretArn(Connections.secretArn(scope, c))
                .kmsKeyIdentifier(c.kmsKeyIdentifier())
                .authParameters(auth.build())
                .creationTime(instant(c.creationMillis()))
                .lastModifiedTime(instant(c.lastModifiedMillis()))
                .lastAuthorizedTime(instant(c.lastAuthorizedMillis()))
                .build();
    }

    static Connection listed(Scope scope, ConnectionRecord c) {
        return Connection.builder()
                .connectionArn(Connections.arn(scope, c))
                .name(c.name())
                .connectionState(c.state())
                .stateReason(c.stateReason())
                .authorizationType(c.authorizationType())
                .creationTime(instant(c.creationMillis()))
                .lastModifiedTime(instant(c.lastModifiedMillis()))
                .lastAuthorizedTime(instant(c.lastAuthorizedMillis()))
                .build();
    }
}
