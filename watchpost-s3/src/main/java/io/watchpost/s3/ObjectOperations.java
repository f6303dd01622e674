package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.HttpDates;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.core.api.StreamingOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Object operations: put, get (with one byte range), head, delete, and multi-object delete. */
final class ObjectOperations {
    /** S3's answer when a PUT names no Content-Type. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_DELETE_KEYS = 1000;

    private final S3State state;

    ObjectOperations(S3State state) {
        this.state = state;
    }

    PutObjectResponse put(RequestContext ctx, StreamingInput<PutObjectRequest> input) {
        PutObjectRequest request = input.request();
        BucketRecord bucket = state.bucket(request.bucket());
        checkKey(request.key());
        byte[] body = input.body();
        checkContentMd5(request.contentMD5(), body);
        ObjectHeaders headers = new ObjectHeaders(request.cacheControl(), request.contentDisposition(),
                request.contentEncoding(), request.contentLanguage(), httpDate(request.expires()),
                ObjectHeaders.checkedStorageClass(request.storageClassAsString()));
        ObjectMeta meta = store(bucket.name(), request.key(), body, request.contentType(), request.metadata(),
                headers);
        return PutObjectResponse.builder().eTag(meta.quotedEtag()).build();
    }

    ObjectMeta store(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata,
            ObjectHeaders headers) {
        ObjectMeta meta = ObjectMeta.simple(key, body.length, ObjectFiles.md5Hex(body), contentType(contentType),
                state.clock.millis(), lowered(metadata), headers);
        state.put(bucket, meta, body);
        return meta;
    }

    /** An Expires header as S3 gives it back: an HTTP date. */
    static String httpDate(Instant expires) {
        return expires == null ? null : HttpDates.format(expires);
    }

    /** S3's answer when a write names no Content-Type. */
    static String contentType(String given) {
        return given == null || given.isEmpty() ? DEFAULT_CONTENT_TYPE : given;
    }

    /** User metadata as S3 keeps it: names in lower case. */
    static Map<String, String> lowered(Map<String, String> metadata) {
        Map<String, String> lowered = new TreeMap<>();
        metadata.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        return lowered;
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT, "Object key must not be empty");
        }
        if (key.getBytes(UTF_8).length > MAX_KEY_BYTES) {
            throw new AwsException(AwsError.S3_KEY_TOO_LONG, "Your key is too long");
        }
    }

    static void checkContentMd5(String contentMd5, byte[] body) {
        if (contentMd5 == null) {
            return;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw new AwsException(AwsError.S3_INVALID_DIGEST, "The Content-MD5 you specified was invalid.");
        }
        if (expected.length != 16) {
            throw new AwsException(AwsError.S3_INVALID_DIGEST, "The Content-MD5 you specified was invalid.");
        }
        if (!HexFormat.of().formatHex(expected).equals(ObjectFiles.md5Hex(body))) {
            throw new AwsException(AwsError.S3_BAD_DIGEST,
                    "The Content-MD5 you specified did not match what we received.");
        }
    }

    StreamingOutput<GetObjectResponse> get(RequestContext ctx, GetObjectRequest request) {
        ObjectMeta meta = meta(request.bucket(), request.key());
        byte[] content = state.files.read(request.bucket(), request.key()).orElseThrow(ObjectOperations::noSuchKey);
        ObjectHeaders h = meta.headers();
        GetObjectResponse.Builder response = GetObjectResponse.builder().acceptRanges("bytes")
                .lastModified(Instant.ofEpochMilli(meta.lastModifiedMillis())).eTag(meta.quotedEtag())
                .contentType(meta.contentType()).metadata(meta.metadata()).cacheControl(h.cacheControl())
                .contentDisposition(h.contentDisposition()).contentEncoding(h.contentEncoding())
                .contentLanguage(h.contentLanguage()).expiresString(h.expires())
                .storageClass(h.responseStorageClass());
        ByteRange range = ByteRange.parse(request.range(), content.length);
        if (range == null) {
            return new StreamingOutput<>(response.contentLength((long) content.length).build(), content);
        }
        byte[] slice = java.util.Arrays.copyOfRange(content, (int) range.first(), (int) range.last() + 1);
        response.contentLength((long) slice.length)
                .contentRange("bytes " + range.first() + "-" + range.last() + "/" + content.length);
        return new StreamingOutput<>(response.build(), slice);
    }

    HeadObjectResponse head(RequestContext ctx, HeadObjectRequest request) {
        ObjectMeta meta = meta(request.bucket(), request.key());
        ObjectHeaders h = meta.headers();
        return HeadObjectResponse.builder().acceptRanges("bytes")
                .lastModified(Instant.ofEpochMilli(meta.lastModifiedMillis())).eTag(meta.quotedEtag())
                .contentLength(meta.size()).contentType(meta.contentType()).metadata(meta.metadata())
                .cacheControl(h.cacheControl()).contentDisposition(h.contentDisposition())
                .contentEncoding(h.contentEncoding()).contentLanguage(h.contentLanguage())
                .expiresString(h.expires()).storageClass(h.responseStorageClass()).build();
    }

    ObjectMeta meta(String bucket, String key) {
        state.bucket(bucket);
        ObjectMeta meta = key == null ? null : state.index(bucket).get(key);
        if (meta == null) {
            throw noSuchKey();
        }
        return meta;
    }

    static AwsException noSuchKey() {
        return new AwsException(AwsError.S3_NO_SUCH_KEY, "The specified key does not exist.");
    }

    DeleteObjectResponse delete(RequestContext ctx, DeleteObjectRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        if (request.key() != null) {
            state.delete(bucket.name(), request.key());
        }
        return DeleteObjectResponse.builder().build();
    }

    DeleteObjectsResponse deleteMany(RequestContext ctx, DeleteObjectsRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        if (request.delete() == null || !request.delete().hasObjects() || request.delete().objects().isEmpty()
                || request.delete().objects().size() > MAX_DELETE_KEYS) {
            throw new AwsException(AwsError.S3_MALFORMED_XML, "The XML you provided was not well-formed or did "
                    + "not validate against our published schema");
        }
        boolean quiet = Boolean.TRUE.equals(request.delete().quiet());
        List<DeletedObject> deleted = new ArrayList<>();
        for (ObjectIdentifier id : request.delete().objects()) {
            if (id.key() != null) {
                state.delete(bucket.name(), id.key());
                if (!quiet) {
                    deleted.add(DeletedObject.builder().key(id.key()).build());
                }
            }
        }
        return DeleteObjectsResponse.builder().deleted(deleted).build();
    }
}
