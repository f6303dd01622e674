package io.watchpost.wire;

import static java.util.Objects.requireNonNull;

import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.ServiceModel;
import io.watchpost.wire.protocol.ProtocolCodec;
import java.util.Map;
import java.util.Optional;

/**
 * Where a request goes: its service, the protocol it speaks, and its operation ({@code operation} is empty when
 * the request names an operation the service does not have; {@code operationName} is what it named).
 * {@code pathVariables} are the values routing already bound: URI-template variables (REST) or the parsed form
 * (awsQuery), so that the codec does not parse the request a second time.
 */
record Route(ServiceModel service, ProtocolCodec codec, String operationName, Optional<OperationModel> operation,
        Map<String, String> pathVariables) {
    Route {
        requireNonNull(service, "service is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(operationName, "operationName is null");
        requireNonNull(operation, "operation is null");
        // A fresh map from the router, never changed after: wrap it rather than copy a large query form.
        pathVariables = java.util.Collections.unmodifiableMap(pathVariables);
    }
}
