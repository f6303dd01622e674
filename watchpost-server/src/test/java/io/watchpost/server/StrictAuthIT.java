package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.server.config.ServerConfig;
import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** {@code --auth strict}: SigV4 verified against configured keys, each with its own account. */
class StrictAuthIT {
    private static final AuthConfig.AccessKey ALICE =
            new AuthConfig.AccessKey("AKIAALICE0000000001", "alice-secret", "111111111111", "alice");
    private static final AuthConfig.AccessKey BOB =
            new AuthConfig.AccessKey("AKIABOB000000000002", "bob-secret", "222222222222", "bob");

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        AuthConfig auth = new AuthConfig(AuthConfig.Mode.STRICT, "000000000000",
                Map.of(ALICE.accessKeyId(), ALICE, BOB.accessKeyId(), BOB));
        server = TestServer.start(new ServerConfig("127.0.0.1", 0, dataDir, auth, false, Durability.PROCESS, -1,
                java.util.List.of(), ServerConfig.DEFAULT_TRAIL_DELIVERY_INTERVAL));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static CloudWatchLogsClient logs(String key, String secret, Region region) {
        return server.client(CloudWatchLogsClient.builder(), key, secret, region);
    }

    @Test
    void correctlySignedCallsSucceedAndResourcesBelongToTheKeysAccount() {
        try (CloudWatchLogsClient alice = logs(ALICE.accessKeyId(), ALICE.secretAccessKey(), Region.US_EAST_1);
                CloudWatchLogsClient bob = logs(BOB.accessKeyId(), BOB.secretAccessKey(), Region.US_EAST_1);
                CloudWatchLogsClient aliceWest = logs(ALICE.accessKeyId(), ALICE.secretAccessKey(),
                        Region.US_WEST_2)) {
            alice.createLogGroup(r -> r.logGroupName("/strict/alice"));
            assertThat(alice.describeLogGroups(r -> r.logGroupNamePrefix("/strict/")).logGroups())
                    .extracting(LogGroup::arn)
                    .containsExactly("arn:aws:logs:us-east-1:111111111111:log-group:/strict/alice:*");
            assertThat(bob.describeLogGroups(r -> r.logGroupNamePrefix("/strict/")).logGroups()).isEmpty();
            assertThat(aliceWest.describeLogGroups(r -> r.logGroupNamePrefix("/strict/")).logGroups()).isEmpty();
        }
    }

    @Test
    void aWrongSecretIsRejectedWithEachServicesCode() {
        try (CloudWatchLogsClient logs = logs(ALICE.accessKeyId(), "wrong", Region.US_EAST_1);
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder(), ALICE.accessKeyId(), "wrong",
                        Region.US_EAST_1)) {
            assertThatThrownBy(() -> logs.describeLogGroups())
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
            assertThatThrownBy(() -> cloudWatch.listDashboards())
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void restServicesAnswerAuthFailuresWith403() {
        try (software.amazon.awssdk.services.xray.XRayClient xray = server.client(
                software.amazon.awssdk.services.xray.XRayClient.builder(), "AKIAUNKNOWN", "whatever",
                Region.US_EAST_1);
                software.amazon.awssdk.services.xray.XRayClient wrong = server.client(
                        software.amazon.awssdk.services.xray.XRayClient.builder(), ALICE.accessKeyId(), "wrong",
                        Region.US_EAST_1)) {
            assertThatThrownBy(() -> xray.getSamplingRules(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
            assertThatThrownBy(() -> wrong.getSamplingRules(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void anUnknownKeyIsRejected() {
        try (CloudWatchLogsClient logs = logs("AKIAUNKNOWN", "whatever", Region.US_EAST_1);
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder(), "AKIAUNKNOWN", "whatever",
                        Region.US_EAST_1)) {
            assertThatThrownBy(() -> logs.describeLogGroups()).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertThatThrownBy(() -> cloudWatch.listDashboards()).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void presignedUrlsAreVerified() throws Exception {
        String query = "Action=ListDashboards&Version=2010-08-01";
        java.net.URI good = presign(query, ALICE.secretAccessKey());
        HttpResponse<byte[]> ok = RawHttp.send(good, "GET", good.getRawPath() + "?" + good.getRawQuery(), null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).contains("<ListDashboardsResponse");
        java.net.URI bad = presign(query, "not-the-secret");
        HttpResponse<byte[]> refused = RawHttp.send(bad, "GET", bad.getRawPath() + "?" + bad.getRawQuery(), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    /** A presigned GET made by the SDK's own SigV4 signer. */
    private static java.net.URI presign(String query, String secret) {
        var request = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.GET)
                .uri(java.net.URI.create(server.endpoint() + "/?" + query))
                .build();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                .request(request)
                .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(ALICE.accessKeyId(),
                        secret))
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                        "monitoring")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.AUTH_LOCATION,
                        software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.EXPIRATION_DURATION,
                        java.time.Duration.ofMinutes(5)));
        return signed.request().getUri();
    }

    @Test
    void unsignedRequestsAndResetAreRefused() throws Exception {
        HttpResponse<byte[]> unsigned = RawHttp.post(server.endpoint(), "/", "{}".getBytes(StandardCharsets.UTF_8),
                "X-Amz-Target", "Logs_20140328.DescribeLogGroups", "Content-Type", "application/x-amz-json-1.1");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(new String(unsigned.body(), StandardCharsets.UTF_8))
                .contains("MissingAuthenticationTokenException");
        HttpResponse<byte[]> reset = RawHttp.post(server.endpoint(), "/_watchpost/reset", new byte[0]);
        assertThat(reset.statusCode()).isEqualTo(403);
    }
}
