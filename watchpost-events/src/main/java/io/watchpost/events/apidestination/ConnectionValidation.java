package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.events.Violations;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;

/**
 * The model constraints of the connection operations (botocore {@code events/2015-10-07}, in member order) and the
 * service's rule that the auth parameters match the authorization type.
 */
final class ConnectionValidation {
    static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern AUTH_HEADER = Pattern.compile(
            "^[ \\t]*[^\\x00-\\x1F:\\x7F]+([ \\t]+[^\\x00-\\x1F:\\x7F]+)*[ \\t]*$");
    static final Pattern HTTPS_ENDPOINT = Pattern.compile(
            "^((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@\\x26=+$,A-Za-z0-9])+)([).!';/?:,])?$");
    static final Pattern KMS_KEY = Pattern.compile("^[a-zA-Z0-9_\\-/:]*$");
    static final List<String> AUTH_TYPES = List.of(ConnectionRecord.BASIC, ConnectionRecord.OAUTH,
            ConnectionRecord.API_KEY);
    static final List<String> OAUTH_METHODS = List.of("GET", "POST", "PUT");
    static final List<String> STATES = List.of("CREATING", "UPDATING", "DELETING", "AUTHORIZED", "DEAUTHORIZED",
            "AUTHORIZING", "DEAUTHORIZING", "ACTIVE", "FAILED_CONNECTIVITY");

    private ConnectionValidation() {}

    static void name(String name) {
        new Violations().required("name", name).length("name", name, 1, 64).pattern("name", name, NAME)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void create(CreateConnectionRequest request) {
        Violations violations = new Violations()
                .required("name", request.name()).length("name", request.name(), 1, 64)
                .pattern("name", request.name(), NAME)
                .length("description", request.description(), 0, 512)
                .required("authorizationType", request.authorizationTypeAsString())
                .oneOf("authorizationType", request.authorizationTypeAsString(), AUTH_TYPES)
                .required("authParameters", request.authParameters());
        CreateConnectionAuthRequestParameters auth = request.authParameters();
        if (auth != null) {
            var basic = auth.basicAuthParameters();
            if (basic != null) {
                header(violations.required("authParameters.basicAuthParameters.username", basic.username()),
                        "authParameters.basicAuthParameters.username", basic.username());
                header(violations.required("authParameters.basicAuthParameters.password", basic.password()),
                        "authParameters.basicAuthParameters.password", basic.password());
            }
            var oauth = auth.oAuthParameters();
            if (oauth != null) {
                String path = "authParameters.oAuthParameters";
                violations.required(path + ".clientParameters", oauth.clientParameters());
                if (oauth.clientParameters() != null) {
                    String id = oauth.clientParameters().clientID();
                    String secret = oauth.clientParameters().clientSecret();
                    header(violations.required(path + ".clientParameters.clientID", id),
                            path + ".clientParameters.clientID", id);
                    header(violations.required(path + ".clientParameters.clientSecret", secret),
                            path + ".clientParameters.clientSecret", secret);
                }
                endpoint(violations.required(path + ".authorizationEndpoint", oauth.authorizationEndpoint()),
                        path + ".authorizationEndpoint", oauth.authorizationEndpoint());
                violations.required(path + ".httpMethod", oauth.httpMethodAsString())
                        .oneOf(path + ".httpMethod", oauth.httpMethodAsString(), OAUTH_METHODS);
                HttpParamsCodec.validate(violations, path + ".oAuthHttpParameters", oauth.oAuthHttpParameters());
            }
            var apiKey = auth.apiKeyAuthParameters();
            if (apiKey != null) {
                String path = "authParameters.apiKeyAuthParameters";
                header(violations.required(path + ".apiKeyName", apiKey.apiKeyName()), path + ".apiKeyName",
                        apiKey.apiKeyName());
                header(violations.required(path + ".apiKeyValue", apiKey.apiKeyValue()), path + ".apiKeyValue",
                        apiKey.apiKeyValue());
            }
            HttpParamsCodec.validate(violations, "authParameters.invocationHttpParameters",
                    auth.invocationHttpParameters());
        }
        violations.length("kmsKeyIdentifier", request.kmsKeyIdentifier(), 0, 2048)
                .pattern("kmsKeyIdentifier", request.kmsKeyIdentifier(), KMS_KEY)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        matchesType(request.authorizationTypeAsString(), auth.basicAuthParameters() != null,
                auth.oAuthParameters() != null, auth.apiKeyAuthParameters() != null);
    }

    static void update(UpdateConnectionRequest request) {
        Violations violations = new Violations()
                .required("name", request.name()).length("name", request.name(), 1, 64)
                .pattern("name", request.name(), NAME)
                .length("description", request.description(), 0, 512)
                .oneOf("authorizationType", request.authorizationTypeAsString(), AUTH_TYPES);
        UpdateConnectionAuthRequestParameters auth = request.authParameters();
        if (auth != null) {
            var basic = auth.basicAuthParameters();
            if (basic != null) {
                header(violations, "authParameters.basicAuthParameters.username", basic.username());
                header(violations, "authParameters.basicAuthParameters.password", basic.password());
            }
            var oauth = auth.oAuthParameters();
            if (oauth != null) {
                String path = "authParameters.oAuthParameters";
                if (oauth.clientParameters() != null) {
                    header(violations, path + ".clientParameters.clientID", oauth.clientParameters().clientID());
                    header(violations, path + ".clientParameters.clientSecret",
                            oauth.clientParameters().clientSecret());
                }
                endpoint(violations, path + ".authorizationEndpoint", oauth.authorizationEndpoint());
                violations.oneOf(path + ".httpMethod", oauth.httpMethodAsString(), OAUTH_METHODS);
                HttpParamsCodec.validate(violations, path + ".oAuthHttpParameters", oauth.oAuthHttpParameters());
            }
            var apiKey = auth.apiKeyAuthParameters();
            if (apiKey != null) {
                header(violations, "authParameters.apiKeyAuthParameters.apiKeyName", apiKey.apiKeyName());
                header(violations, "authParameters.apiKeyAuthParameters.apiKeyValue", apiKey.apiKeyValue());
            }
            HttpParamsCodec.validate(violations, "authParameters.invocationHttpParameters",
                    auth.invocationHttpParameters());
        }
        violations.length("kmsKeyIdentifier", request.kmsKeyIdentifier(), 0, 2048)
                .pattern("kmsKeyIdentifier", request.kmsKeyIdentifier(), KMS_KEY)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    /** Exactly the auth parameters of the declared type may be given (Watchpost's wording; see the report). */
    static void matchesType(String type, boolean basic, boolean oauth, boolean apiKey) {
        int given = (basic ? 1 : 0) + (oauth ? 1 : 0) + (apiKey ? 1 : 0);
        boolean matches = switch (type) {
            case ConnectionRecord.BASIC -> basic;
            case ConnectionRecord.OAUTH -> oauth;
            default -> apiKey;
        };
        if (given != 1 || !matches) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Authorization parameters for the authorization type "
                    + type + " are required, and only those parameters can be specified.");
        }
    }

    static void header(Violations violations, String path, String value) {
        violations.length(path, value, 1, 512).pattern(path, value, AUTH_HEADER);
    }

    static void endpoint(Violations violations, String path, String value) {
        violations.length(path, value, 1, 2048).pattern(path, value, HTTPS_ENDPOINT);
    }
}
