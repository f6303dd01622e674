package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionOAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionOAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;

/**
 * How a connection's state and credentials change: the state after a create or update (Basic and API-key
 * connections authorize at once, OAuth ones once a token is fetched), and UpdateConnection's merge, where absent
 * members keep their value and a change of authorization type drops the old type's credentials.
 */
final class ConnectionUpdates {
    private ConnectionUpdates() {}

    static ConnectionRecord initialState(ConnectionRecord c, long now) {
        return c.authorizationType().equals(ConnectionRecord.OAUTH)
                ? c.withState("AUTHORIZING", null, now, c.lastAuthorizedMillis())
                : c.withState("AUTHORIZED", null, now, now);
    }

    static ConnectionRecord.OAuth oauth(CreateConnectionOAuthRequestParameters p) {
        if (p == null) {
            return null;
        }
        return new ConnectionRecord.OAuth(p.clientParameters().clientID(), p.clientParameters().clientSecret(),
                p.authorizationEndpoint(), p.httpMethodAsString(), HttpParamsCodec.fromApi(p.oAuthHttpParameters()));
    }

    static ConnectionRecord apply(ConnectionRecord old, UpdateConnectionRequest request, long now) {
        String type = request.authorizationTypeAsString() == null ? old.authorizationType()
                : request.authorizationTypeAsString();
        boolean sameType = type.equals(old.authorizationType());
        UpdateConnectionAuthRequestParameters auth = request.authParameters();
        var basic = auth == null ? null : auth.basicAuthParameters();
        var apiKey = auth == null ? null : auth.apiKeyAuthParameters();
        String username = pick(basic == null ? null : basic.username(), sameType ? old.username() : null);
        String password = pick(basic == null ? null : basic.password(), sameType ? old.password() : null);
        String keyName = pick(apiKey == null ? null : apiKey.apiKeyName(), sameType ? old.apiKeyName() : null);
        String keyValue = pick(apiKey == null ? null : apiKey.apiKeyValue(), sameType ? old.apiKeyValue() : null);
        ConnectionRecord.OAuth oauth = mergeOAuth(sameType ? old.oauth() : null,
                auth == null ? null : auth.oAuthParameters());
        HttpParams invocation = auth == null || auth.invocationHttpParameters() == null ? old.invocationParameters()
                : HttpParamsCodec.fromApi(auth.invocationHttpParameters());
        requireComplete(type, username != null && password != null, keyName != null && keyValue != null,
                oauth != null && oauth.clientId() != null && oauth.clientSecret() != null
                        && oauth.authorizationEndpoint() != null && oauth.httpMethod() != null);
        boolean basicType = type.equals(ConnectionRecord.BASIC);
        boolean apiKeyType = type.equals(ConnectionRecord.API_KEY);
        ConnectionRecord merged = new ConnectionRecord(old.name(), old.uuid(), old.secretSuffix(),
                pick(request.description(), old.description()), type, old.state(), null,
                basicType ? username : null, basicType ? password : null, apiKeyType ? keyName : null,
                apiKeyType ? keyValue : null, type.equals(ConnectionRecord.OAUTH) ? oauth : null, invocation,
                pick(request.kmsKeyIdentifier(), old.kmsKeyIdentifier()), old.creationMillis(), now,
                old.lastAuthorizedMillis());
        return initialState(merged, now);
    }

    private static ConnectionRecord.OAuth mergeOAuth(ConnectionRecord.OAuth old,
            UpdateConnectionOAuthRequestParameters p) {
        if (p == null) {
            return old;
        }
        var client = p.clientParameters();
        return new ConnectionRecord.OAuth(
                pick(client == null ? null : client.clientID(), old == null ? null : old.clientId()),
                pick(client == null ? null : client.clientSecret(), old == null ? null : old.clientSecret()),
                pick(p.authorizationEndpoint(), old == null ? null : old.authorizationEndpoint()),
                pick(p.httpMethodAsString(), old == null ? null : old.httpMethod()),
                p.oAuthHttpParameters() != null ? HttpParamsCodec.fromApi(p.oAuthHttpParameters())
                        : old == null ? HttpParams.NONE : old.parameters());
    }

    private static void requireComplete(String type, boolean basic, boolean apiKey, boolean oauth) {
        boolean complete = switch (type) {
            case ConnectionRecord.BASIC -> basic;
            case ConnectionRecord.OAUTH -> oauth;
            default -> apiKey;
        };
        if (!complete) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Authorization parameters for the authorization type "
                    + type + " are required, and only those parameters can be specified.");
        }
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
