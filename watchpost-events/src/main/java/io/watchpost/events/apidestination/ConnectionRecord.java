package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

/**
 * One connection as persisted in the {@code events.connections} state table, keyed by {@code scope.key(name)}.
 * The credentials are kept here (AWS keeps them in a Secrets Manager secret named by {@link #secretSuffix}); they
 * leave this package only as HTTP headers of an invocation. Optional members are {@code null}; times are epoch millis.
 */
record ConnectionRecord(
        String name,
        String uuid,
        String secretSuffix,
        String description,
        String authorizationType,
        String state,
        String stateReason,
        String username,
        String password,
        String apiKeyName,
        String apiKeyValue,
        OAuth oauth,
        HttpParams invocationParameters,
        String kmsKeyIdentifier,
        long creationMillis,
        long lastModifiedMillis,
        Long lastAuthorizedMillis) {
    static final String BASIC = "BASIC";
    static final String API_KEY = "API_KEY";
    static final String OAUTH = "OAUTH_CLIENT_CREDENTIALS";

    ConnectionRecord {
        requireNonNull(name, "name is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(authorizationType, "authorizationType is null");
        requireNonNull(state, "state is null");
        invocationParameters = invocationParameters == null ? HttpParams.NONE : invocationParameters;
    }

    /** OAuth client-credentials settings of a connection. */
    record OAuth(String clientId, String clientSecret, String authorizationEndpoint, String httpMethod,
            HttpParams parameters) {
        OAuth {
            parameters = parameters == null ? HttpParams.NONE : parameters;
        }
    }

    ConnectionRecord withState(String newState, String reason, long modifiedMillis, Long authorizedMillis) {
        return new ConnectionRecord(name, uuid, secretSuffix, description, authorizationType, newState, reason,
                username, password, apiKeyName, apiKeyValue, oauth, invocationParameters, kmsKeyIdentifier,
                creationMillis, modifiedMillis, authorizedMillis);
    }
}
