package io.watchpost.events.apidestination;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target's {@code HttpParameters}: values for the {@code *} wildcards of the destination's endpoint, in order,
 * and the header and query-string parameters to send. The connection's own parameters win over these on a clash,
 * as in EventBridge.
 */
public record HttpParameters(
        List<String> pathParameterValues, Map<String, String> headerParameters,
        Map<String, String> queryStringParameters) {
    public static final HttpParameters NONE = new HttpParameters(List.of(), Map.of(), Map.of());

    public HttpParameters {
        pathParameterValues = pathParameterValues == null ? List.of() : List.copyOf(pathParameterValues);
        headerParameters = headerParameters == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(headerParameters));
        queryStringParameters = queryStringParameters == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(queryStringParameters));
    }
}
