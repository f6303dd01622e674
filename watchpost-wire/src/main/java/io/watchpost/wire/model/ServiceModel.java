package io.watchpost.wire.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service as the wire layer routes it. {@code endpointPrefix} is also the SigV4 signing name and the key
 * under which the server registers the service's handlers.
 *
 * @param sdkName the SDK's service id (for example {@code CloudWatch}), used in messages
 * @param protocols the protocols the service accepts
 * @param targetPrefix the {@code X-Amz-Target} prefix of its JSON protocol, if any
 * @param rpcV2ServiceName the service name in RPC v2 CBOR paths, if any
 * @param xmlNamespace the namespace of its awsQuery XML answers, if any
 * @param queryVersion the {@code Version=} of its awsQuery requests, if any
 * @param queryCompatible whether its JSON and CBOR errors carry the awsQuery code in {@code x-amzn-query-error}
 * @param eventSource the CloudTrail event source, for example {@code monitoring.amazonaws.com}
 * @param untypedOperations operations AWS has but the SDK release we build on lacks; they are routed and named
 *     (answering "not implemented") rather than rejected as unknown
 */
public record ServiceModel(
        String endpointPrefix,
        String sdkName,
        Set<Protocol> protocols,
        Optional<String> targetPrefix,
        Optional<String> rpcV2ServiceName,
        Optional<String> xmlNamespace,
        Optional<String> queryVersion,
        boolean queryCompatible,
        String eventSource,
        OperationTable operations,
        Set<String> untypedOperations) {
    public ServiceModel {
        requireNonNull(endpointPrefix, "endpointPrefix is null");
        requireNonNull(sdkName, "sdkName is null");
        protocols = Set.copyOf(protocols);
        requireNonNull(targetPrefix, "targetPrefix is null");
        requireNonNull(rpcV2ServiceName, "rpcV2ServiceName is null");
        requireNonNull(xmlNamespace, "xmlNamespace is null");
        requireNonNull(queryVersion, "queryVersion is null");
        requireNonNull(eventSource, "eventSource is null");
        requireNonNull(operations, "operations is null");
        untypedOperations = Set.copyOf(untypedOperations);
    }

    public Optional<OperationModel> operation(String name) {
        return operations.get(name);
    }

    /** Every operation in name order (loads them all: for tools and tests, not the request path). */
    public List<OperationModel> sortedOperations() {
        return operations.all();
    }
}
