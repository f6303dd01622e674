package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.core.api.StreamingOutput;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

class S3ServiceTest {
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    static final RequestContext US_EAST = context("111111111111", "us-east-1");

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(START);
    StateJournal journal;
    S3Service service;
    BucketOperations buckets;
    ObjectOperations objects;

    static RequestContext context(String account, String region) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), region, "s3", "Test",
                "127.0.0.1", "test", START);
    }

    @BeforeEach
    void open() throws IOException {
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        service = new S3Service(journal, directory.resolve("objects"), clock);
        buckets = service.buckets;
        objects = service.objects;
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    private void create(RequestContext ctx, String name) {
        buckets.create(ctx, CreateBucketRequest.builder().bucket(name).build());
    }

    private void put(String bucket, String key, String body, Map<String, String> metadata) {
        objects.put(US_EAST, new StreamingInput<>(PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("text/plain").metadata(metadata).build(), body.getBytes(UTF_8)));
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void createsListsAndLocatesBuckets() {
        create(US_EAST, "logs-bucket");
        RequestContext west = context("111111111111", "eu-west-1");
        buckets.create(west, CreateBucketRequest.builder().bucket("west-bucket").createBucketConfiguration(
                CreateBucketConfiguration.builder().locationConstraint("eu-west-1").build()).build());
        var list = buckets.list(US_EAST, ListBucketsRequest.builder().build());
        assertThat(list.buckets()).extracting(b -> b.name()).containsExactly("logs-bucket", "west-bucket");
        assertThat(list.owner().id()).hasSize(64);
        assertThat(buckets.list(context("222222222222", "us-east-1"), ListBucketsRequest.builder().build())
                .buckets()).isEmpty();
        assertThat(buckets.location(US_EAST, GetBucketLocationRequest.builder().bucket("logs-bucket").build())
                .locationConstraintAsString()).isNull();
        assertThat(buckets.location(US_EAST, GetBucketLocationRequest.builder().bucket("west-bucket").build())
                .locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(buckets.head(US_EAST, HeadBucketRequest.builder().bucket("west-bucket").build())
                .bucketRegion()).isEqualTo("eu-west-1");
        assertThat(service.bucket("west-bucket")).hasValueSatisfying(s -> assertThat(s.region())
                .isEqualTo("eu-west-1"));
    }

    @Test
    void createRejectsBadNamesTakenNamesAndWrongLocations() {
        assertAwsError(() -> create(US_EAST, "Upper"), AwsError.S3_INVALID_BUCKET_NAME,
                "The specified bucket is not valid.");
        assertAwsError(() -> create(US_EAST, "192.168.1.1"), AwsError.S3_INVALID_BUCKET_NAME,
                "The specified bucket is not valid.");
        assertAwsError(() -> create(US_EAST, "a..b"), AwsError.S3_INVALID_BUCKET_NAME,
                "The specified bucket is not valid.");
        create(US_EAST, "taken");
        create(US_EAST, "taken"); // us-east-1: a no-op for the owner
        assertAwsError(() -> create(context("222222222222", "us-east-1"), "taken"),
                AwsError.S3_BUCKET_ALREADY_EXISTS, "The requested bucket name is not available. The bucket "
                        + "namespace is shared by all users of the system. Please select a different name and try "
                        + "again.");
        RequestContext west = context("111111111111", "eu-west-1");
        assertAwsError(() -> create(west, "other"), AwsError.S3_ILLEGAL_LOCATION_CONSTRAINT,
                "The unspecified location constraint is incompatible for the region specific endpoint this "
                        + "request was sent to.");
        assertAwsError(() -> buckets.create(west, CreateBucketRequest.builder().bucket("taken")
                .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")).build()),
                AwsError.S3_BUCKET_ALREADY_OWNED_BY_YOU,
                "Your previous request to create the named bucket succeeded and you already own it.");
        assertAwsError(() -> buckets.create(US_EAST, CreateBucketRequest.builder().bucket("x-y-z")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1")).build()),
                AwsError.S3_INVALID_LOCATION_CONSTRAINT, "The specified location-constraint is not valid");
    }

    @Test
    void theUsEast1EndpointCreatesBucketsInTheRegionTheConstraintNames() {
        buckets.create(US_EAST, CreateBucketRequest.builder().bucket("ohio-bucket")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-2")).build());
        assertThat(buckets.location(US_EAST, GetBucketLocationRequest.builder().bucket("ohio-bucket").build())
                .locationConstraintAsString()).isEqualTo("us-east-2");
        assertThat(service.bucket("ohio-bucket")).hasValueSatisfying(s -> assertThat(s.region())
                .isEqualTo("us-east-2"));
        // A regional endpoint still creates only its own region's buckets, and a constraint must name a region.
        assertAwsError(() -> buckets.create(context("111111111111", "us-west-2"), CreateBucketRequest.builder()
                .bucket("frankfurt-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-central-1"))
                .build()), AwsError.S3_ILLEGAL_LOCATION_CONSTRAINT, "The eu-central-1 location constraint is "
                        + "incompatible for the region specific endpoint this request was sent to.");
        assertAwsError(() -> buckets.create(US_EAST, CreateBucketRequest.builder().bucket("nowhere-bucket")
                .createBucketConfiguration(c -> c.locationConstraint("moon-base")).build()),
                AwsError.S3_INVALID_LOCATION_CONSTRAINT, "The specified location-constraint is not valid");
        assertThat(service.bucket("frankfurt-bucket")).isEmpty();
        assertThat(service.bucket("nowhere-bucket")).isEmpty();
    }

    @Test
    void aDevelopmentResetRemovesObjectsSoARecreatedBucketIsEmpty() throws IOException {
        create(US_EAST, "reused");
        put("reused", "old.txt", "from before the reset", Map.of());
        journal.wipe();
        service.afterReset();
        create(US_EAST, "reused");
        assertThat(service.getObject("reused", "old.txt")).isEmpty();
        assertThat(directory.resolve("objects").resolve("reused")).doesNotExist();
    }

    @Test
    void deleteBucketRequiresEmptiness() {
        create(US_EAST, "bk1");
        put("bk1", "k", "v", Map.of());
        assertAwsError(() -> buckets.delete(US_EAST, DeleteBucketRequest.builder().bucket("bk1").build()),
                AwsError.S3_BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty");
        objects.delete(US_EAST, DeleteObjectRequest.builder().bucket("bk1").key("k").build());
        buckets.delete(US_EAST, DeleteBucketRequest.builder().bucket("bk1").build());
        assertAwsError(() -> buckets.head(US_EAST, HeadBucketRequest.builder().bucket("bk1").build()),
                AwsError.S3_NO_SUCH_BUCKET, "The specified bucket does not exist");
    }

    @Test
    void bucketPolicyRoundTrips() {
        create(US_EAST, "bk1");
        assertAwsError(() -> buckets.getPolicy(US_EAST, GetBucketPolicyRequest.builder().bucket("bk1").build()),
                AwsError.S3_NO_SUCH_BUCKET_POLICY, "The bucket policy does not exist");
        assertAwsError(() -> buckets.putPolicy(US_EAST, PutBucketPolicyRequest.builder().bucket("bk1")
                .policy("not json").build()), AwsError.S3_MALFORMED_POLICY,
                "Policies must be valid JSON and the first byte must be '{'");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        buckets.putPolicy(US_EAST, PutBucketPolicyRequest.builder().bucket("bk1").policy(policy).build());
        assertThat(buckets.getPolicy(US_EAST, GetBucketPolicyRequest.builder().bucket("bk1").build()).policy())
                .isEqualTo(policy);
        assertThat(service.bucketPolicy("bk1")).contains(policy);
    }

    @Test
    void objectsRoundTripWithMetadataEtagAndRanges() {
        create(US_EAST, "bk1");
        put("bk1", "dir/file.txt", "hello world", Map.of("Owner", "me"));
        StreamingOutput<GetObjectResponse> got = objects.get(US_EAST,
                GetObjectRequest.builder().bucket("bk1").key("dir/file.txt").build());
        assertThat(new String(got.body(), UTF_8)).isEqualTo("hello world");
        assertThat(got.response().eTag()).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        assertThat(got.response().metadata()).containsEntry("owner", "me");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        var ranged = objects.get(US_EAST, GetObjectRequest.builder().bucket("bk1").key("dir/file.txt")
                .range("bytes=6-").build());
        assertThat(new String(ranged.body(), UTF_8)).isEqualTo("world");
        assertThat(ranged.response().contentRange()).isEqualTo("bytes 6-10/11");
        assertThatThrownBy(() -> objects.get(US_EAST, GetObjectRequest.builder().bucket("bk1").key("dir/file.txt")
                .range("bytes=20-").build())).isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(AwsError.S3_INVALID_RANGE);
                    assertThat(e.getMessage()).isEqualTo("The requested range is not satisfiable");
                    assertThat(e.fields()).containsExactlyInAnyOrderEntriesOf(
                            Map.of("RangeRequested", "bytes=20-", "ActualObjectSize", "11"));
                });
        assertThat(objects.head(US_EAST, HeadObjectRequest.builder().bucket("bk1").key("dir/file.txt").build())
                .contentLength()).isEqualTo(11L);
        assertAwsError(() -> objects.head(US_EAST, HeadObjectRequest.builder().bucket("bk1").key("nope").build()),
                AwsError.S3_NO_SUCH_KEY, "The specified key does not exist.");
        assertAwsError(() -> objects.head(US_EAST, HeadObjectRequest.builder().bucket("nob").key("nope").build()),
                AwsError.S3_NO_SUCH_BUCKET, "The specified bucket does not exist");
    }

    @Test
    void contentMd5IsChecked() {
        create(US_EAST, "bk1");
        assertAwsError(() -> objects.put(US_EAST, new StreamingInput<>(PutObjectRequest.builder().bucket("bk1")
                .key("k").contentMD5("XrY7u+Ae7tCTyyK7j1rNww==").build(), "other".getBytes(UTF_8))),
                AwsError.S3_BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
        objects.put(US_EAST, new StreamingInput<>(PutObjectRequest.builder().bucket("bk1").key("k")
                .contentMD5("XrY7u+Ae7tCTyyK7j1rNww==").build(), "hello world".getBytes(UTF_8)));
    }

    @Test
    void objectsSurviveRestartAndPortReadsThem() throws IOException {
        create(US_EAST, "bk1");
        service.putObject("bk1", "AWSLogs/1/x.json.gz", new byte[] {1, 2, 3}, "application/json",
                Map.of("signature", "abc"));
        journal.close();
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        S3Service reopened = new S3Service(journal, directory.resolve("objects"), clock);
        assertThat(reopened.getObject("bk1", "AWSLogs/1/x.json.gz")).hasValueSatisfying(o -> {
            assertThat(o.content()).containsExactly(1, 2, 3);
            assertThat(o.metadata()).containsEntry("signature", "abc");
        });
        assertThat(reopened.getObject("bk1", "missing")).isEmpty();
        assertThat(reopened.getObject("nob", "x")).isEmpty();
    }

    @Test
    void leftoverTempFilesAreIgnoredAndCorruptContentIsDetected() throws IOException {
        create(US_EAST, "bk1");
        put("bk1", "k", "data", Map.of());
        Path bucketDir = directory.resolve("objects").resolve("bk1");
        Files.writeString(bucketDir.resolve("put-123.tmp"), "half written");
        S3Service reopened = new S3Service(journal, directory.resolve("objects"), clock);
        assertThat(reopened.getObject("bk1", "k")).isPresent();
        try (Stream<Path> files = Files.list(bucketDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        Path file = bucketDir.resolve(ObjectFiles.fileName("k"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> reopened.getObject("bk1", "k")).hasMessageContaining("MD5");
    }

    @Test
    void deleteObjectsDeletesEachKey() {
        create(US_EAST, "bk1");
        put("bk1", "a", "1", Map.of());
        put("bk1", "b", "2", Map.of());
        var response = objects.deleteMany(US_EAST, DeleteObjectsRequest.builder().bucket("bk1").delete(
                Delete.builder().objects(ObjectIdentifier.builder().key("a").build(),
                        ObjectIdentifier.builder().key("zz").build()).build()).build());
        assertThat(response.deleted()).extracting(d -> d.key()).containsExactly("a", "zz");
        assertThat(service.getObject("bk1", "a")).isEmpty();
        assertThat(service.getObject("bk1", "b")).isPresent();
    }
}
