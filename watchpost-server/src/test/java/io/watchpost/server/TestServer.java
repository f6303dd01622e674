package io.watchpost.server;

import io.watchpost.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The real server on a random port over a temporary data directory, and real AWS SDK v2 clients pointed at it.
 * Clients do not retry, so a test sees exactly what the server answered.
 */
final class TestServer implements AutoCloseable {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final ServerConfig config;
    private final java.time.Clock clock;
    private Watchpost watchpost;

    private TestServer(ServerConfig config, java.time.Clock clock) throws Exception {
        this.config = config;
        this.clock = clock;
        this.watchpost = Watchpost.start(config, clock);
    }

    static TestServer start(Path dataDir) throws Exception {
        return new TestServer(ServerConfig.forTesting(0, dataDir), java.time.Clock.systemUTC());
    }

    static TestServer start(ServerConfig config) throws Exception {
        return new TestServer(config, java.time.Clock.systemUTC());
    }

    /** On a clock the test drives (a {@code MutableClock}): background work runs when the test moves it. */
    static TestServer start(ServerConfig config, java.time.Clock clock) throws Exception {
        return new TestServer(config, clock);
    }

    /** Stops and starts again on the same data directory and port. */
    void restart() throws Exception {
        int port = watchpost.port();
        watchpost.close();
        watchpost = Watchpost.start(config.withPort(port), clock);
    }

    URI endpoint() {
        return watchpost.endpoint();
    }

    Watchpost watchpost() {
        return watchpost;
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, ACCESS_KEY, SECRET_KEY, Region.US_EAST_1);
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, String accessKey,
            String secretKey, Region region) {
        return builder.endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1))
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @Override
    public void close() throws java.io.IOException {
        watchpost.close();
    }
}
