package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.MutableClock;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

class ListOperationsTest {
    private static final List<String> KEYS = List.of("a.txt", "logs/2025/01/x.gz", "logs/2025/02/y.gz",
            "logs/2026/01/z.gz", "logs/readme", "z z+.txt");

    @TempDir
    Path directory;
    StateJournal journal;
    S3Service service;

    @BeforeEach
    void open() throws IOException {
        journal = StateJournal.open(directory.resolve("state"), Durability.PROCESS);
        service = new S3Service(journal, directory.resolve("objects"), new MutableClock(S3ServiceTest.START));
        service.buckets.create(S3ServiceTest.US_EAST, CreateBucketRequest.builder().bucket("bkt").build());
        for (String key : KEYS) {
            service.objects.put(S3ServiceTest.US_EAST, new StreamingInput<>(
                    PutObjectRequest.builder().bucket("bkt").key(key).build(), key.getBytes(UTF_8)));
        }
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    private ListObjectsV2Response v2(ListObjectsV2Request.Builder request) {
        return service.lists.listV2(S3ServiceTest.US_EAST, request.bucket("bkt").build());
    }

    @Test
    void delimiterRollsUpCommonPrefixes() {
        var page = v2(ListObjectsV2Request.builder().delimiter("/"));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("a.txt", "z z+.txt");
        assertThat(page.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("logs/");
        assertThat(page.keyCount()).isEqualTo(3);
        var nested = v2(ListObjectsV2Request.builder().prefix("logs/").delimiter("/"));
        assertThat(nested.contents()).extracting(S3Object::key).containsExactly("logs/readme");
        assertThat(nested.commonPrefixes()).extracting(CommonPrefix::prefix)
                .containsExactly("logs/2025/", "logs/2026/");
    }

    @Test
    void continuationTokensWalkEveryKeyOnce() {
        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        do {
            var page = v2(ListObjectsV2Request.builder().maxKeys(2).continuationToken(token));
            page.contents().forEach(o -> seen.add(o.key()));
            assertThat(page.keyCount()).isLessThanOrEqualTo(2);
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(KEYS);
    }

    @Test
    void commonPrefixesAreNotRepeatedAcrossPages() {
        var first = v2(ListObjectsV2Request.builder().delimiter("/").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        var second = v2(ListObjectsV2Request.builder().delimiter("/").maxKeys(2)
                .continuationToken(first.nextContinuationToken()));
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("z z+.txt");
        assertThat(second.commonPrefixes()).isEmpty();
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void startAfterAndUrlEncoding() {
        var page = v2(ListObjectsV2Request.builder().startAfter("logs/readme").encodingType("url"));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("z+z%2B.txt");
    }

    @Test
    void listV1UsesMarkersAndNextMarkerOnlyWithDelimiter() {
        var page = service.lists.listV1(S3ServiceTest.US_EAST, ListObjectsRequest.builder().bucket("bkt").maxKeys(2)
                .build());
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextMarker()).isNull();
        var next = service.lists.listV1(S3ServiceTest.US_EAST, ListObjectsRequest.builder().bucket("bkt")
                .marker("logs/2025/02/y.gz").build());
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("logs/2026/01/z.gz", "logs/readme",
                "z z+.txt");
        var delimited = service.lists.listV1(S3ServiceTest.US_EAST, ListObjectsRequest.builder().bucket("bkt")
                .delimiter("/").maxKeys(1).build());
        assertThat(delimited.nextMarker()).isEqualTo("a.txt");
        S3ServiceTest.assertAwsError(() -> service.lists.listV1(S3ServiceTest.US_EAST,
                ListObjectsRequest.builder().bucket("bkt").maxKeys(-1).build()), AwsError.S3_INVALID_ARGUMENT,
                "Argument maxKeys must be an integer between 0 and 2147483647");
    }
}
