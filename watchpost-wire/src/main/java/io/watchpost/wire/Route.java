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
 */
record Route(ServiceModel service, ProtocolCodec codec, String operationName, Optional<OperationModel> operation,
        Map<String, String> pathVariables) {
    Route {
        requireNonNull(service, "service is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(operationName, "operationName is null");
        requireNonNull(operation, "operation is null");
        pathVariables = Map.copyOf(pathVariables);
    }
}
