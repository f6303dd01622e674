package io.watchpost.s3;

import static io.watchpost.s3.S3ServiceTest.US_EAST;
import static io.watchpost.s3.S3ServiceTest.assertAwsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.MutableClock;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

class MultipartUploadsTest {
    static final int MIB = 1024 * 1024;

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(S3ServiceTest.START);
    StateJournal journal;
    S3Service service;

    @BeforeEach
    void open() throws IOException {
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        service = new S3Service(journal, directory.resolve("s3").resolve("objects"), clock);
        service.buckets.create(US_EAST, CreateBucketRequest.builder().bucket("big").build());
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    private String create(String key) {
        return service.multipart.create(US_EAST, CreateMultipartUploadRequest.builder().bucket("big").key(key)
                .contentType("application/zip").metadata(Map.of("Origin", "test")).build()).uploadId();
    }

    private String upload(String key, String id, int number, byte[] body) {
        return service.multipart.uploadPart(US_EAST, new StreamingInput<>(UploadPartRequest.builder().bucket("big")
                .key(key).uploadId(id).partNumber(number).build(), body)).eTag();
    }

    private CompletedPart part(int number, String etag) {
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private String complete(String key, String id, CompletedPart... parts) {
        return service.multipart.complete(US_EAST, CompleteMultipartUploadRequest.builder().bucket("big").key(key)
                .uploadId(id).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build())
                .eTag();
    }

    private byte[] get(String key) {
        return service.objects.get(US_EAST, GetObjectRequest.builder().bucket("big").key(key).build()).body();
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] md5(byte[] content) throws Exception {
        return MessageDigest.getInstance("MD5").digest(content);
    }

    private long partFiles() throws IOException {
        Path uploads = directory.resolve("s3").resolve("uploads");
        if (!Files.exists(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void assemblesPartsWithTheMultipartEtagAndCleansUp() throws Exception {
        byte[] first = bytes(5 * MIB, 1);
        byte[] second = bytes(MIB + 17, 2);
        String id = create("archive.zip");
        String etag2 = upload("archive.zip", id, 2, second);
        String etag1 = upload("archive.zip", id, 1, first);
        assertThat(etag1).isEqualTo('"' + HexFormat.of().formatHex(md5(first)) + '"');
        assertThat(partFiles()).isEqualTo(2);

        String etag = complete("archive.zip", id, part(1, etag1), part(2, etag2));

        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(md5(first));
        both.write(md5(second));
        assertThat(etag).isEqualTo('"' + HexFormat.of().formatHex(md5(both.toByteArray())) + "-2\"");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(first);
        whole.write(second);
        assertThat(get("archive.zip")).isEqualTo(whole.toByteArray());
        var head = service.objects.head(US_EAST, HeadObjectRequest.builder().bucket("big").key("archive.zip").build());
        assertThat(head.eTag()).isEqualTo(etag);
        assertThat(head.contentLength()).isEqualTo(whole.size());
        assertThat(head.contentType()).isEqualTo("application/zip");
        assertThat(head.metadata()).containsEntry("origin", "test");
        assertThat(partFiles()).isZero();
        assertAwsError(() -> upload("archive.zip", id, 3, second), AwsError.S3_NO_SUCH_UPLOAD,
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                        + "aborted or completed.");
    }

    @Test
    void theObjectSurvivesARestart() throws Exception {
        String id = create("k");
        String etag = complete("k", id, part(1, upload("k", id, 1, "only part".getBytes(UTF_8))));
        journal.close();
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        service = new S3Service(journal, directory.resolve("s3").resolve("objects"), clock);
        assertThat(new String(get("k"), UTF_8)).isEqualTo("only part");
        assertThat(service.objects.head(US_EAST, HeadObjectRequest.builder().bucket("big").key("k").build()).eTag())
                .isEqualTo(etag).endsWith("-1\"");
    }

    @Test
    void completeRejectsWhatS3RejectsAndChangesNothing() {
        String id = create("k");
        String small = upload("k", id, 1, bytes(1000, 1));
        String last = upload("k", id, 2, bytes(1000, 2));
        assertAwsError(() -> complete("k", id, part(2, last), part(1, small)), AwsError.S3_INVALID_PART_ORDER,
                "The list of parts was not in ascending order. Parts must be ordered by part number.");
        assertAwsError(() -> complete("k", id, part(1, small), part(3, last)), AwsError.S3_INVALID_PART,
                "One or more of the specified parts could not be found.  The part may not have been uploaded, or "
                        + "the specified entity tag may not match the part's entity tag.");
        assertAwsError(() -> complete("k", id, part(1, last), part(2, last)), AwsError.S3_INVALID_PART,
                "One or more of the specified parts could not be found.  The part may not have been uploaded, or "
                        + "the specified entity tag may not match the part's entity tag.");
        assertAwsError(() -> complete("k", id, part(1, small), part(2, last)), AwsError.S3_ENTITY_TOO_SMALL,
                "Your proposed upload is smaller than the minimum allowed object size.");
        assertAwsError(() -> complete("k", id), AwsError.S3_MALFORMED_XML,
                "The XML you provided was not well-formed or did not validate against our published schema");
        assertAwsError(() -> complete("other", id, part(1, small)), AwsError.S3_NO_SUCH_UPLOAD,
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                        + "aborted or completed.");
        assertAwsError(() -> upload("k", id, 10_001, bytes(1, 1)), AwsError.S3_INVALID_ARGUMENT,
                "Part number must be an integer between 1 and 10000, inclusive");
        assertAwsError(() -> upload("k", id, 0, bytes(1, 1)), AwsError.S3_INVALID_ARGUMENT,
                "Part number must be an integer between 1 and 10000, inclusive");
        assertAwsError(() -> service.objects.head(US_EAST, HeadObjectRequest.builder().bucket("big").key("k")
                .build()), AwsError.S3_NO_SUCH_KEY, "The specified key does not exist.");
        assertThat(complete("k", id, part(1, small))).endsWith("-1\"");
    }

    @Test
    void aSinglePartBelowTheMinimumIsAllowedAsTheLast() {
        String id = create("k");
        complete("k", id, part(1, upload("k", id, 1, "tiny".getBytes(UTF_8))));
        assertThat(new String(get("k"), UTF_8)).isEqualTo("tiny");
    }

    @Test
    void abortRemovesTheUploadAndItsParts() throws IOException {
        String id = create("k");
        upload("k", id, 1, bytes(100, 1));
        service.multipart.abort(US_EAST, AbortMultipartUploadRequest.builder().bucket("big").key("k").uploadId(id)
                .build());
        assertThat(partFiles()).isZero();
        assertAwsError(() -> service.multipart.abort(US_EAST, AbortMultipartUploadRequest.builder().bucket("big")
                .key("k").uploadId(id).build()), AwsError.S3_NO_SUCH_UPLOAD,
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                        + "aborted or completed.");
        assertThat(service.uploadLists.listUploads(US_EAST, ListMultipartUploadsRequest.builder().bucket("big")
                .build()).uploads()).isEmpty();
    }

    @Test
    void listsUploadsByKeyAndPartsByNumberInPages() {
        String b = create("dir/b");
        clock.advance(java.time.Duration.ofSeconds(1));
        String a1 = create("a");
        clock.advance(java.time.Duration.ofSeconds(1));
        String a2 = create("a");
        var all = service.uploadLists.listUploads(US_EAST, ListMultipartUploadsRequest.builder().bucket("big")
                .build());
        assertThat(all.uploads()).extracting(u -> u.key() + "/" + u.uploadId())
                .containsExactly("a/" + a1, "a/" + a2, "dir/b/" + b);
        var firstPage = service.uploadLists.listUploads(US_EAST, ListMultipartUploadsRequest.builder().bucket("big")
                .maxUploads(1).build());
        assertThat(firstPage.isTruncated()).isTrue();
        var secondPage = service.uploadLists.listUploads(US_EAST, ListMultipartUploadsRequest.builder()
                .bucket("big").maxUploads(1).keyMarker(firstPage.nextKeyMarker())
                .uploadIdMarker(firstPage.nextUploadIdMarker()).build());
        assertThat(secondPage.uploads()).extracting(u -> u.uploadId()).containsExactly(a2);
        var rolledUp = service.uploadLists.listUploads(US_EAST, ListMultipartUploadsRequest.builder().bucket("big")
                .delimiter("/").build());
        assertThat(rolledUp.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        assertThat(rolledUp.uploads()).hasSize(2);

        for (int n = 1; n <= 3; n++) {
            upload("a", a1, n, bytes(10, n));
        }
        var parts = service.uploadLists.listParts(US_EAST, ListPartsRequest.builder().bucket("big").key("a")
                .uploadId(a1).maxParts(2).build());
        assertThat(parts.parts()).extracting(p -> p.partNumber()).containsExactly(1, 2);
        assertThat(parts.isTruncated()).isTrue();
        var rest = service.uploadLists.listParts(US_EAST, ListPartsRequest.builder().bucket("big").key("a")
                .uploadId(a1).partNumberMarker(parts.nextPartNumberMarker()).build());
        assertThat(rest.parts()).extracting(p -> p.partNumber() + ":" + p.size()).containsExactly("3:10");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    @SuppressWarnings("deprecation") // copySource is what arrives on the wire (x-amz-copy-source)
    void copiesObjectsAndRangesOfThemIntoParts() {
        byte[] source = bytes(6 * MIB, 7);
        service.objects.put(US_EAST, new StreamingInput<>(PutObjectRequest.builder().bucket("big").key("src")
                .contentType("text/plain").metadata(Map.of("a", "1")).build(), source));
        var copied = service.copies.copyObject(US_EAST, CopyObjectRequest.builder().destinationBucket("big")
                .destinationKey("dst").copySource("big/src").build());
        assertThat(get("dst")).isEqualTo(source);
        var head = service.objects.head(US_EAST, HeadObjectRequest.builder().bucket("big").key("dst").build());
        assertThat(head.eTag()).isEqualTo(copied.copyObjectResult().eTag());
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.metadata()).containsEntry("a", "1");

        service.copies.copyObject(US_EAST, CopyObjectRequest.builder().destinationBucket("big")
                .destinationKey("dst").copySource("/big/src?versionId=null").metadataDirective("REPLACE")
                .contentType("text/csv").build());
        assertThat(service.objects.head(US_EAST, HeadObjectRequest.builder().bucket("big").key("dst").build())
                .contentType()).isEqualTo("text/csv");
        assertAwsError(() -> service.copies.copyObject(US_EAST, CopyObjectRequest.builder()
                .destinationBucket("big").destinationKey("src").copySource("big/src").build()),
                AwsError.S3_INVALID_REQUEST, "This copy request is illegal because it is trying to copy an object "
                        + "to itself without changing the object's metadata, storage class, website redirect "
                        + "location or encryption attributes.");
        assertAwsError(() -> service.copies.copyObject(US_EAST, CopyObjectRequest.builder()
                .destinationBucket("big").destinationKey("x").copySource("big/missing").build()),
                AwsError.S3_NO_SUCH_KEY, "The specified key does not exist.");
        assertAwsError(() -> service.copies.copyObject(US_EAST, CopyObjectRequest.builder()
                .destinationBucket("big").destinationKey("x").copySource("nobucketorkey").build()),
                AwsError.S3_INVALID_ARGUMENT,
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");

        String id = create("joined");
        String p1 = service.copies.uploadPartCopy(US_EAST, UploadPartCopyRequest.builder()
                .destinationBucket("big").destinationKey("joined").uploadId(id).partNumber(1).copySource("big/src")
                .copySourceRange("bytes=0-" + (5 * MIB - 1)).build()).copyPartResult().eTag();
        String p2 = service.copies.uploadPartCopy(US_EAST, UploadPartCopyRequest.builder()
                .destinationBucket("big").destinationKey("joined").uploadId(id).partNumber(2).copySource("big/src")
                .copySourceRange("bytes=" + 5 * MIB + "-" + (6 * MIB - 1)).build()).copyPartResult().eTag();
        complete("joined", id, part(1, p1), part(2, p2));
        assertThat(get("joined")).isEqualTo(source);
        assertAwsError(() -> service.copies.uploadPartCopy(US_EAST, UploadPartCopyRequest.builder()
                .destinationBucket("big").destinationKey("joined").uploadId(create("joined")).partNumber(1)
                .copySource("big/src").copySourceRange("bytes=0-" + 6 * MIB).build()), AwsError.S3_INVALID_ARGUMENT,
                "Range specified is not valid for source object of size: " + 6 * MIB);
    }

    @Test
    void deletingTheBucketDropsItsUploads() throws IOException {
        String id = create("k");
        upload("k", id, 1, bytes(10, 1));
        service.buckets.delete(US_EAST, software.amazon.awssdk.services.s3.model.DeleteBucketRequest.builder()
                .bucket("big").build());
        assertThat(partFiles()).isZero();
        assertThat(journal.table("s3.uploads", UploadRecord.class).view()).doesNotContainKey(id);
    }
}
