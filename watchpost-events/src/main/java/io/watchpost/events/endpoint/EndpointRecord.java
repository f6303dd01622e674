package io.watchpost.events.endpoint;

import java.util.List;

/**
 * One stored global endpoint (state table {@code events.endpoints}, key {@code Scope.key(name)}): the configuration
 * as last given, the generated {@code EndpointId}, and creation/modification times in epoch millis.
 */
record EndpointRecord(String name, String description, String healthCheck, String route, String replicationState,
        List<String> eventBusArns, String roleArn, String endpointId, String state, long creationMillis,
        long lastModifiedMillis) {
    EndpointRecord {
        eventBusArns = List.copyOf(eventBusArns);
    }
}
