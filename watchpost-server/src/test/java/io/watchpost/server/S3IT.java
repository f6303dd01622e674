package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** The bucket subset of S3 on the same port, with the SDK v2 S3 client (path-style) and the aws CLI. */
class S3IT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestServer.ACCESS_KEY, TestServer.SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void bucketsAndObjectsWithTheSdk() {
        s3.createBucket(r -> r.bucket("sdk-bucket"));
        s3.putObject(r -> r.bucket("sdk-bucket").key("logs/2026/a.txt").metadata(Map.of("team", "ops"))
                .contentType("text/plain"), RequestBody.fromString("hello"));
        s3.putObject(r -> r.bucket("sdk-bucket").key("logs/2026/b.txt"), RequestBody.fromString("world"));
        s3.putObject(r -> r.bucket("sdk-bucket").key("top.txt"), RequestBody.fromString("!"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("sdk-bucket").key("logs/2026/a.txt")).asUtf8String())
                .isEqualTo("hello");
        var head = s3.headObject(r -> r.bucket("sdk-bucket").key("logs/2026/a.txt"));
        assertThat(head.metadata()).containsEntry("team", "ops");
        assertThat(head.contentLength()).isEqualTo(5L);
        assertThat(head.contentType()).isEqualTo("text/plain");
        var listing = s3.listObjectsV2(r -> r.bucket("sdk-bucket").delimiter("/"));
        assertThat(listing.contents()).extracting(S3Object::key).containsExactly("top.txt");
        assertThat(listing.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("logs/");
        assertThat(s3.listObjectsV2(r -> r.bucket("sdk-bucket").prefix("logs/")).contents()).hasSize(2);
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("sdk-bucket");
        s3.deleteObject(r -> r.bucket("sdk-bucket").key("top.txt"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("sdk-bucket").key("top.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    /**
     * S3's Content-Encoding describes the object: a pre-compressed file is stored and served as sent, never
     * decoded on the way in. The us-east-1 endpoint creates a bucket in the region its constraint names.
     */
    @Test
    void gzipObjectsAreStoredAsSentAndConstraintsPickTheRegion() throws Exception {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write("one compressed log line\n".getBytes(StandardCharsets.UTF_8));
        }
        s3.createBucket(r -> r.bucket("gzip-bucket"));
        s3.putObject(r -> r.bucket("gzip-bucket").key("app.log.gz").contentEncoding("gzip")
                .contentType("application/gzip"), RequestBody.fromBytes(gzipped.toByteArray()));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("gzip-bucket").key("app.log.gz")).asByteArray())
                .isEqualTo(gzipped.toByteArray());
        assertThat(s3.headObject(r -> r.bucket("gzip-bucket").key("app.log.gz")).contentLength())
                .isEqualTo(gzipped.size());

        s3.createBucket(r -> r.bucket("ohio-bucket").createBucketConfiguration(c -> c.locationConstraint("us-east-2")));
        assertThat(s3.getBucketLocation(r -> r.bucket("ohio-bucket")).locationConstraintAsString())
                .isEqualTo("us-east-2");
    }

    /**
     * A single PutObject above the ordinary 8 MiB request limit (the SDK frames it aws-chunked with a trailing
     * checksum) is accepted up to the object limit and round-trips byte for byte.
     */
    @Test
    void largeObjectsGoUpInOnePut() throws Exception {
        s3.createBucket(r -> r.bucket("large-bucket"));
        byte[] content = new byte[20 * 1024 * 1024 + 7];
        new java.util.Random(3).nextBytes(content);
        s3.putObject(r -> r.bucket("large-bucket").key("blob.bin"), RequestBody.fromBytes(content));
        byte[] read = s3.getObjectAsBytes(r -> r.bucket("large-bucket").key("blob.bin")).asByteArray();
        assertThat(read).isEqualTo(content);
        assertThat(s3.headObject(r -> r.bucket("large-bucket").key("blob.bin")).contentLength())
                .isEqualTo(content.length);
    }

    @Test
    void systemMetadataAndStorageClassComeBack() {
        s3.createBucket(r -> r.bucket("headers-bucket"));
        java.time.Instant expires = java.time.Instant.parse("2027-01-01T00:00:00Z");
        s3.putObject(r -> r.bucket("headers-bucket").key("page.html").contentType("text/html")
                .cacheControl("max-age=60").contentDisposition("attachment; filename=\"page.html\"")
                .contentLanguage("en").expires(expires).storageClass(StorageClass.STANDARD_IA),
                RequestBody.fromString("<p>hi</p>"));
        HeadObjectResponse head = s3.headObject(r -> r.bucket("headers-bucket").key("page.html"));
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"page.html\"");
        assertThat(head.contentLanguage()).isEqualTo("en");
        assertThat(head.expiresString()).isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
        assertThat(head.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("headers-bucket").key("page.html")).response().cacheControl())
                .isEqualTo("max-age=60");
        assertThat(s3.listObjectsV2(r -> r.bucket("headers-bucket")).contents())
                .extracting(o -> o.storageClassAsString()).containsExactly("STANDARD_IA");

        s3.copyObject(r -> r.sourceBucket("headers-bucket").sourceKey("page.html")
                .destinationBucket("headers-bucket").destinationKey("copy.html"));
        HeadObjectResponse copy = s3.headObject(r -> r.bucket("headers-bucket").key("copy.html"));
        assertThat(copy.cacheControl()).as("COPY keeps system metadata").isEqualTo("max-age=60");
        assertThat(copy.storageClass()).as("but the class is the request's: STANDARD").isNull();

        assertThatThrownBy(() -> s3.putObject(r -> r.bucket("headers-bucket").key("x").storageClass("COLDEST"),
                RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidStorageClass");
                });
    }

    @Test
    void theAwsCliCopiesAndLists() throws Exception {
        Path aws = AwsCli.find();
        assumeTrue(aws != null, "the aws CLI is not on the PATH");
        Path file = dataDir.resolve("upload.txt");
        Files.writeString(file, "copied by the aws CLI");
        run(aws, "s3", "mb", "s3://cli-bucket");
        run(aws, "s3", "cp", file.toString(), "s3://cli-bucket/dir/upload.txt");
        assertThat(run(aws, "s3", "ls", "s3://cli-bucket/dir/")).contains("upload.txt");
        assertThat(run(aws, "s3", "cp", "s3://cli-bucket/dir/upload.txt", "-")).isEqualTo("copied by the aws CLI");
    }

    private static String run(Path aws, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url",
                server.endpoint().toString(), "--region", "us-east-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = AwsCli.process(command, dataDir);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s: %s", String.join(" ", args), err).isZero();
        return out;
    }
}
