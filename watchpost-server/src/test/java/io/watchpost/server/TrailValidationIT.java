package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchpost.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A trail delivers signed log files and digests into a bucket of the S3 subset, and {@code aws cloudtrail
 * validate-logs} (pointed at Watchpost for CloudTrail and S3) validates them, then reports a tampered file.
 */
class TrailValidationIT {
    private static final String BUCKET = "trail-bucket";

    @Test
    void validateLogsAcceptsDeliveredFilesAndCatchesTampering(@TempDir Path dataDir) throws Exception {
        Path aws = AwsCli.find();
        assumeTrue(aws != null, "the aws CLI is not on the PATH");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        try (TestServer server = TestServer.start(ServerConfig.forTesting(0, dataDir)
                        .withTrailDeliveryInterval(Duration.ofSeconds(1)));
                S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(TestServer.ACCESS_KEY, TestServer.SECRET_KEY)))
                        .httpClientBuilder(Apache5HttpClient.builder()).build();
                CloudTrailClient trail = server.client(CloudTrailClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder())) {
            s3.createBucket(r -> r.bucket(BUCKET));
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy()));
            String trailArn = trail.createTrail(r -> r.name("audit").s3BucketName(BUCKET)
                    .enableLogFileValidation(true)).trailARN();
            trail.startLogging(r -> r.name("audit"));
            logs.createLogGroup(r -> r.logGroupName("/audited/one"));
            logs.createLogGroup(r -> r.logGroupName("/audited/two"));

            List<S3Object> digests = List.of();
            for (int i = 0; i < 600 && digests.isEmpty(); i++) {
                Thread.sleep(100);  // deliveries run every second, digests every 12 deliveries; bounded wait
                digests = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("AWSLogs/000000000000/CloudTrail-Digest/"))
                        .contents();
            }
            assertThat(digests).as("a digest file was delivered").isNotEmpty();
            List<S3Object> logFiles = s3.listObjectsV2(r -> r.bucket(BUCKET)
                    .prefix("AWSLogs/000000000000/CloudTrail/")).contents();
            assertThat(logFiles).isNotEmpty();

            Result valid = validate(aws, server, trailArn, start, dataDir);
            assertThat(valid.exit()).as(valid.output()).isZero();
            assertThat(valid.output()).containsPattern("[1-9]\\d*/[1-9]\\d* digest files valid")
                    .containsPattern("[1-9]\\d*/[1-9]\\d* log files valid").doesNotContain("INVALID");

            String tampered = logFiles.get(0).key();
            java.io.ByteArrayOutputStream forged = new java.io.ByteArrayOutputStream();
            try (var gzip = new java.util.zip.GZIPOutputStream(forged)) {
                gzip.write("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
            }
            s3.putObject(r -> r.bucket(BUCKET).key(tampered), RequestBody.fromBytes(forged.toByteArray()));
            Result invalid = validate(aws, server, trailArn, start, dataDir);
            assertThat(invalid.exit()).as(invalid.output()).isNotZero();
            assertThat(invalid.output()).contains("INVALID: hash value doesn't match");
        }
    }

    private static String policy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:GetBucketAcl\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/AWSLogs/000000000000/*\","
                + "\"Condition\":{\"StringEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}}]}";
    }

    record Result(int exit, String output) {}

    private static Result validate(Path aws, TestServer server, String trailArn, Instant start, Path scratch)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "cloudtrail", "validate-logs",
                "--endpoint-url", server.endpoint().toString(), "--region", "us-east-1",
                "--trail-arn", trailArn, "--start-time", start.toString(), "--verbose"));
        ProcessBuilder builder = AwsCli.process(command, scratch).redirectErrorStream(true);
        builder.environment().put("AWS_ENDPOINT_URL_S3", server.endpoint().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
