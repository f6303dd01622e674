package io.watchpost.server;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.schemas.SchemasClient;
import software.amazon.awssdk.services.xray.XRayClient;

/** The SDK v2 sync client of each service, by endpoint prefix. */
final class SdkClients {
    private SdkClients() {}

    static Object client(TestServer server, String endpointPrefix) {
        return switch (endpointPrefix) {
            case "monitoring" -> server.client(CloudWatchClient.builder());
            case "logs" -> server.client(CloudWatchLogsClient.builder());
            case "events" -> server.client(EventBridgeClient.builder());
            case "cloudtrail" -> server.client(CloudTrailClient.builder());
            case "xray" -> server.client(XRayClient.builder());
            case "schemas" -> server.client(SchemasClient.builder());
            default -> throw new IllegalArgumentException("no SDK client for " + endpointPrefix);
        };
    }
}
