package io.watchpost.wire.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.core.api.StreamingOutput;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.CodecException;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.ServiceModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

class RestXmlCodecTest {
    private static final ServiceModel S3 = ServiceCatalog.standard().service("s3").orElseThrow();
    private final RestXmlCodec codec = new RestXmlCodec();

    private static OperationModel op(String name) {
        return S3.operation(name).orElseThrow();
    }

    private static WireRequest request(String method, String query, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((name, value) -> map.put(name, List.of(value)));
        return new WireRequest(method, "/bkt/k", query, map, body, "127.0.0.1");
    }

    @Test
    void putObjectGetsMetadataHeadersAndTheDecodedAwsChunkedBody() {
        String chunked = "5;chunk-signature=ab\r\nhello\r\n6;chunk-signature=cd\r\n world\r\n0;chunk-signature=ef\r\n"
                + "x-amz-checksum-crc32:DUoRhQ==\r\n\r\n";
        WireRequest request = request("PUT", "", Map.of("Content-Type", "text/plain", "x-amz-meta-Owner", "me",
                "Content-Encoding", "aws-chunked", "x-amz-decoded-content-length", "11",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"), chunked.getBytes(UTF_8));
        Object decoded = codec.decode(op("PutObject"), request, request.body(), Map.of("Bucket", "bkt", "Key", "k"));
        assertThat(decoded).isInstanceOfSatisfying(StreamingInput.class, input -> {
            PutObjectRequest put = (PutObjectRequest) input.request();
            assertThat(put.bucket()).isEqualTo("bkt");
            assertThat(put.key()).isEqualTo("k");
            assertThat(put.contentType()).isEqualTo("text/plain");
            assertThat(put.metadata()).containsExactly(Map.entry("owner", "me"));
            assertThat(new String(input.body(), UTF_8)).isEqualTo("hello world");
        });
    }

    @Test
    void awsChunkedLengthMismatchIsAClientError() {
        WireRequest request = request("PUT", "", Map.of("Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "3"), "5\r\nhello\r\n0\r\n\r\n".getBytes(UTF_8));
        assertThatThrownBy(() -> codec.decode(op("PutObject"), request, request.body(), Map.of()))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void xmlPayloadsAndQueryParametersDecode() {
        byte[] create = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>").getBytes(UTF_8);
        var bucket = (CreateBucketRequest) codec.decode(op("CreateBucket"), request("PUT", "", Map.of(), create),
                create, Map.of("Bucket", "bkt"));
        assertThat(bucket.createBucketConfiguration().locationConstraintAsString()).isEqualTo("eu-west-1");
        byte[] delete = "<Delete><Object><Key>a</Key></Object><Object><Key>b</Key></Object><Quiet>true</Quiet></Delete>"
                .getBytes(UTF_8);
        var objects = (DeleteObjectsRequest) codec.decode(op("DeleteObjects"), request("POST", "delete", Map.of(),
                delete), delete, Map.of("Bucket", "bkt"));
        assertThat(objects.delete().objects()).extracting(o -> o.key()).containsExactly("a", "b");
        assertThat(objects.delete().quiet()).isTrue();
        var list = (ListObjectsV2Request) codec.decode(op("ListObjectsV2"), request("GET",
                "list-type=2&prefix=logs%2F&max-keys=5&continuation-token=abc", Map.of(), new byte[0]), new byte[0],
                Map.of("Bucket", "bkt"));
        assertThat(list.prefix()).isEqualTo("logs/");
        assertThat(list.maxKeys()).isEqualTo(5);
        assertThat(list.continuationToken()).isEqualTo("abc");
    }

    @Test
    void doctypesAreRefused() {
        byte[] evil = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Delete><Quiet>&e;</Quiet></Delete>"
                .getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decode(op("DeleteObjects"), request("POST", "delete", Map.of(), evil), evil,
                Map.of("Bucket", "bkt"))).isInstanceOf(CodecException.class);
    }

    @Test
    void listAnswersAreS3Xml() {
        var response = ListObjectsV2Response.builder().name("bkt").prefix("").maxKeys(1000).isTruncated(false)
                .keyCount(1).contents(S3Object.builder().key("a&b").eTag("\"abc\"").size(3L)
                        .lastModified(Instant.parse("2025-03-01T12:00:00Z")).storageClass("STANDARD").build())
                .build();
        WireResponse wire = codec.success(S3, op("ListObjectsV2"), response, "req-1");
        assertThat(wire.status()).isEqualTo(200);
        assertThat(new String(wire.body(), UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a&amp;b</Key><LastModified>2025-03-01T12:00:00.000Z</LastModified>"
                + "<ETag>&quot;abc&quot;</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + "<Name>bkt</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><KeyCount>1</KeyCount>"
                + "</ListBucketResult>");
        assertThat(wire.headers()).containsEntry("x-amz-request-id", "req-1");
    }

    @Test
    void getObjectStreamsBytesWithHeaders() {
        var response = GetObjectResponse.builder().eTag("\"e\"").contentType("text/plain").contentLength(5L)
                .contentRange("bytes 0-4/11").lastModified(Instant.parse("2025-03-01T12:00:00Z"))
                .metadata(Map.of("owner", "me")).build();
        WireResponse wire = codec.success(S3, op("GetObject"),
                new StreamingOutput<>(response, "hello".getBytes(UTF_8)), "req-1");
        assertThat(wire.status()).isEqualTo(206);
        assertThat(wire.body()).asString(UTF_8).isEqualTo("hello");
        assertThat(wire.headers()).containsEntry("ETag", "\"e\"").containsEntry("Content-Type", "text/plain")
                .containsEntry("x-amz-meta-owner", "me").containsEntry("Content-Range", "bytes 0-4/11")
                .containsEntry("Last-Modified", "Sat, 01 Mar 2025 12:00:00 GMT");
    }

    @Test
    void headerOnlyPolicyAndLocationAnswers() {
        WireResponse put = codec.success(S3, op("PutObject"), PutObjectResponse.builder().eTag("\"e\"").build(), "r");
        assertThat(put.body()).isEmpty();
        assertThat(put.headers()).containsEntry("ETag", "\"e\"");
        WireResponse policy = codec.success(S3, op("GetBucketPolicy"),
                GetBucketPolicyResponse.builder().policy("{\"Statement\":[]}").build(), "r");
        assertThat(policy.body()).asString(UTF_8).isEqualTo("{\"Statement\":[]}");
        WireResponse location = codec.success(S3, op("GetBucketLocation"),
                GetBucketLocationResponse.builder().locationConstraint("eu-west-1").build(), "r");
        assertThat(location.body()).asString(UTF_8).endsWith(
                "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1</LocationConstraint>");
        WireResponse deleted = codec.success(S3, op("DeleteBucket"),
                software.amazon.awssdk.services.s3.model.DeleteBucketResponse.builder().build(), "r");
        assertThat(deleted.status()).isEqualTo(204);
    }

    @Test
    void errorsAreS3ErrorDocuments() {
        WireResponse wire = codec.error(S3, new AwsException(AwsError.S3_NO_SUCH_KEY,
                "The specified key does not exist.", Map.of("Key", "k")), "req-9");
        assertThat(wire.status()).isEqualTo(404);
        assertThat(wire.body()).asString(UTF_8).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"
                + "<Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key>"
                + "<RequestId>req-9</RequestId><HostId>req-9</HostId></Error>");
    }
}
