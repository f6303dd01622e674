package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjects and ListObjectsV2. With {@code encoding-type=url} (what the aws CLI sends) keys, prefixes,
 * delimiters and markers in the answer are URL-encoded; V2's continuation token is the last returned key or
 * common prefix, base64url-encoded (opaque to clients, as in S3).
 */
final class ListOperations {
    private static final int MAX_KEYS = 1000;

    private final S3State state;

    ListOperations(S3State state) {
        this.state = state;
    }

    ListObjectsResponse listV1(RequestContext ctx, ListObjectsRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        int maxKeys = maxKeys(request.maxKeys());
        String prefix = request.prefix() == null ? "" : request.prefix();
        String marker = request.marker() == null || request.marker().isEmpty() ? null : request.marker();
        ObjectListing page = ObjectListing.of(state.index(bucket.name()), prefix, request.delimiter(), marker,
                maxKeys);
        UnaryOperator<String> enc = encoder(request.encodingTypeAsString());
        Owner owner = BucketOperations.owner(bucket.accountId());
        boolean delimited = request.delimiter() != null && !request.delimiter().isEmpty();
        return ListObjectsResponse.builder().name(bucket.name()).prefix(enc.apply(prefix))
                .marker(enc.apply(marker == null ? "" : marker)).maxKeys(maxKeys)
                .delimiter(enc.apply(request.delimiter())).isTruncated(page.truncated())
                .nextMarker(page.truncated() && delimited ? enc.apply(page.last()) : null)
                .contents(objects(page, enc, owner)).commonPrefixes(prefixes(page, enc))
                .encodingType(request.encodingTypeAsString()).build();
    }

    ListObjectsV2Response listV2(RequestContext ctx, ListObjectsV2Request request) {
        BucketRecord bucket = state.bucket(request.bucket());
        int maxKeys = maxKeys(request.maxKeys());
        String prefix = request.prefix() == null ? "" : request.prefix();
        String after = request.continuationToken() != null ? decodeToken(request.continuationToken())
                : request.startAfter() == null || request.startAfter().isEmpty() ? null : request.startAfter();
        ObjectListing page = ObjectListing.of(state.index(bucket.name()), prefix, request.delimiter(), after,
                maxKeys);
        UnaryOperator<String> enc = encoder(request.encodingTypeAsString());
        Owner owner = Boolean.TRUE.equals(request.fetchOwner()) ? BucketOperations.owner(bucket.accountId()) : null;
        return ListObjectsV2Response.builder().name(bucket.name()).prefix(enc.apply(prefix)).maxKeys(maxKeys)
                .delimiter(enc.apply(request.delimiter())).isTruncated(page.truncated())
                .keyCount(page.contents().size() + page.commonPrefixes().size())
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.truncated() ? encodeToken(page.last()) : null)
                .startAfter(enc.apply(request.startAfter()))
                .contents(objects(page, enc, owner)).commonPrefixes(prefixes(page, enc))
                .encodingType(request.encodingTypeAsString()).build();
    }

    private static int maxKeys(Integer requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        if (requested < 0) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                    "Argument maxKeys must be an integer between 0 and 2147483647");
        }
        return Math.min(requested, MAX_KEYS);
    }

    private static List<S3Object> objects(ObjectListing page, UnaryOperator<String> enc, Owner owner) {
        return page.contents().stream().map(meta -> S3Object.builder().key(enc.apply(meta.key()))
                .lastModified(Instant.ofEpochMilli(meta.lastModifiedMillis())).eTag(meta.quotedEtag())
                .size(meta.size()).storageClass(meta.headers().listedStorageClass()).owner(owner).build()).toList();
    }

    private static List<CommonPrefix> prefixes(ObjectListing page, UnaryOperator<String> enc) {
        return page.commonPrefixes().stream().map(p -> CommonPrefix.builder().prefix(enc.apply(p)).build())
                .toList();
    }

    static UnaryOperator<String> encoder(String encodingType) {
        if (encodingType == null) {
            return UnaryOperator.identity();
        }
        if (!encodingType.equals("url")) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
        }
        return text -> text == null ? null : URLEncoder.encode(text, UTF_8).replace("%2F", "/");
    }

    static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT, "The continuation token provided is incorrect");
        }
    }
}
