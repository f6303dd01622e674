package io.watchpost.bench.workload;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The real SDK v2 sync clients for one endpoint: SigV4-signed, Apache HTTP with keep-alive connections (one per
 * worker), no retries (an error is counted, not hidden), every call bounded by {@code callTimeout}.
 * Thread-safe, as the SDK clients are.
 */
public record ServiceClients(CloudWatchClient cloudWatch, CloudWatchLogsClient logs, EventBridgeClient events,
                             XRayClient xray, SdkHttpClient http) implements AutoCloseable {
    /** Any key works against Watchpost in open mode and against moto. */
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCHMARK", "bench-secret"));

    public static ServiceClients connect(URI endpoint, int connections, Duration callTimeout) {
        SdkHttpClient http = Apache5HttpClient.builder()
                .maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(callTimeout)
                .tcpKeepAlive(true)
                .build();
        ClientOverrideConfiguration config = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(callTimeout)
                .build();
        Region region = Region.US_EAST_1;
        return new ServiceClients(
                CloudWatchClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                CloudWatchLogsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                EventBridgeClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                XRayClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                http);
    }

    @Override
    public void close() {
        cloudWatch.close();
        logs.close();
        events.close();
        xray.close();
        http.close();
    }
}
