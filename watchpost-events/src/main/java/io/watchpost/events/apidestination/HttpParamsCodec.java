package io.watchpost.events.apidestination;

import io.watchpost.events.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBodyParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHttpParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionQueryStringParameter;

/**
 * Converts the API's {@code ConnectionHttpParameters} to and from {@link HttpParams}, and checks them against the
 * model (botocore {@code events/2015-10-07}). Described parameters omit the values marked secret, as AWS does.
 */
final class HttpParamsCodec {
    private static final Pattern HEADER_KEY = Pattern.compile("^[!#$%&'*+-.^_`|~0-9a-zA-Z]+$");
    private static final Pattern HEADER_VALUE = Pattern.compile(
            "^[ \\t]*[\\x20-\\x7E]+([ \\t]+[\\x20-\\x7E]+)*[ \\t]*$");
    private static final Pattern QUERY_KEY = Pattern.compile("[^\\x00-\\x1F\\x7F]+");
    private static final Pattern QUERY_VALUE = Pattern.compile("[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]+");

    private HttpParamsCodec() {}

    static void validate(Violations violations, String path, ConnectionHttpParameters parameters) {
        if (parameters == null) {
            return;
        }
        List<ConnectionHeaderParameter> headers = parameters.hasHeaderParameters() ? parameters.headerParameters()
                : List.of();
        size(violations, path + ".headerParameters", headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String item = path + ".headerParameters." + (i + 1) + ".member";
            violations.length(item + ".key", headers.get(i).key(), 0, 512)
                    .pattern(item + ".key", headers.get(i).key(), HEADER_KEY)
                    .length(item + ".value", headers.get(i).value(), 0, 512)
                    .pattern(item + ".value", headers.get(i).value(), HEADER_VALUE);
        }
        List<ConnectionQueryStringParameter> queries = parameters.hasQueryStringParameters()
                ? parameters.queryStringParameters() : List.of();
        size(violations, path + ".queryStringParameters", queries.size());
        for (int i = 0; i < queries.size(); i++) {
            String item = path + ".queryStringParameters." + (i + 1) + ".member";
            violations.length(item + ".key", queries.get(i).key(), 0, 512)
                    .pattern(item + ".key", queries.get(i).key(), QUERY_KEY)
                    .length(item + ".value", queries.get(i).value(), 0, 512)
                    .pattern(item + ".value", queries.get(i).value(), QUERY_VALUE);
        }
        size(violations, path + ".bodyParameters",
                parameters.hasBodyParameters() ? parameters.bodyParameters().size() : 0);
    }

    static HttpParams fromApi(ConnectionHttpParameters parameters) {
        if (parameters == null) {
            return HttpParams.NONE;
        }
        List<Param> headers = new ArrayList<>();
        for (ConnectionHeaderParameter p : parameters.headerParameters()) {
            headers.add(param(p.key(), p.value(), p.isValueSecret()));
        }
        List<Param> queries = new ArrayList<>();
        for (ConnectionQueryStringParameter p : parameters.queryStringParameters()) {
            queries.add(param(p.key(), p.value(), p.isValueSecret()));
        }
        List<Param> bodies = new ArrayList<>();
        for (ConnectionBodyParameter p : parameters.bodyParameters()) {
            bodies.add(param(p.key(), p.value(), p.isValueSecret()));
        }
        return new HttpParams(headers, queries, bodies);
    }

    /** The parameters as DescribeConnection shows them: secret values left out. */
    static ConnectionHttpParameters toApi(HttpParams parameters) {
        return ConnectionHttpParameters.builder()
                .headerParameters(parameters.headers().stream().map(p -> ConnectionHeaderParameter.builder()
                        .key(p.key()).value(p.secret() ? null : p.value()).isValueSecret(p.secret()).build()).toList())
                .queryStringParameters(parameters.queryStrings().stream().map(p -> ConnectionQueryStringParameter
                        .builder().key(p.key()).value(p.secret() ? null : p.value()).isValueSecret(p.secret())
                        .build()).toList())
                .bodyParameters(parameters.bodies().stream().map(p -> ConnectionBodyParameter.builder()
                        .key(p.key()).value(p.secret() ? null : p.value()).isValueSecret(p.secret()).build()).toList())
                .build();
    }

    private static Param param(String key, String value, Boolean secret) {
        return new Param(key == null ? "" : key, value, Boolean.TRUE.equals(secret));
    }

    private static void size(Violations violations, String path, int size) {
        if (size > 100) {
            violations.custom("Value at '" + path + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 100");
        }
    }
}
