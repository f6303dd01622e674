package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.net.URLDecoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * CopyObject (what {@code aws s3 cp s3://… s3://…} and {@code aws s3 mv} send below the multipart threshold) and
 * UploadPartCopy (what they send above it): the source named by {@code x-amz-copy-source} ({@code bucket/key},
 * percent-encoded, an optional leading slash and {@code ?versionId=} suffix) is streamed from its file, never held
 * in memory. CopyObject keeps the source's content type and metadata ({@code COPY}, the default) or takes the
 * request's ({@code REPLACE}); copying an object onto itself requires {@code REPLACE}, as in S3.
 */
final class CopyOperations {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,19})-(\\d{1,19})");

    private final S3State state;
    private final ObjectOperations objects;
    private final MultipartUploads uploads;

    CopyOperations(S3State state, ObjectOperations objects, MultipartUploads uploads) {
        this.state = state;
        this.objects = objects;
        this.uploads = uploads;
    }

    /** A parsed {@code x-amz-copy-source}. */
    record Source(String bucket, String key) {
        static Source parse(String header) {
            String value = header == null ? "" : header;
            int query = value.indexOf('?');
            if (query >= 0) {
                value = value.substring(0, query);
            }
            // Percent-decoding only: a '+' in a key is a plus, not a space.
            value = URLDecoder.decode(value.replace("+", "%2B"), UTF_8);
            if (value.startsWith("/")) {
                value = value.substring(1);
            }
            int slash = value.indexOf('/');
            if (slash <= 0 || slash == value.length() - 1) {
                throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                        "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
            }
            return new Source(value.substring(0, slash), value.substring(slash + 1));
        }
    }

    CopyObjectResponse copyObject(RequestContext ctx, CopyObjectRequest request) {
        BucketRecord target = state.bucket(request.destinationBucket());
        String key = request.destinationKey();
        ObjectOperations.checkKey(key);
        Source source = Source.parse(copySource(request));
        boolean replace = directive(request.metadataDirectiveAsString());
        String storageClass = ObjectHeaders.checkedStorageClass(request.storageClassAsString());
        state.bucket(source.bucket());
        // The source's meta, its bytes and the copy's header agree: nothing replaces the source meanwhile.
        ObjectMeta copy = state.withBuckets(source.bucket(), target.name(),
                () -> copy(request, source, target, key, replace, storageClass));
        return CopyObjectResponse.builder().copyObjectResult(CopyObjectResult.builder().eTag(copy.quotedEtag())
                .lastModified(Instant.ofEpochMilli(copy.lastModifiedMillis())).build()).build();
    }

    private ObjectMeta copy(CopyObjectRequest request, Source source, BucketRecord target, String key,
            boolean replace, String storageClass) {
        ObjectMeta original = objects.meta(source.bucket(), source.key());
        if (!replace && source.bucket().equals(target.name()) && source.key().equals(key)
                && java.util.Objects.equals(storageClass, original.headers().storageClass())) {
            throw new AwsException(AwsError.S3_INVALID_REQUEST, "This copy request is illegal because it is trying "
                    + "to copy an object to itself without changing the object's metadata, storage class, website "
                    + "redirect location or encryption attributes.");
        }
        ObjectFiles.ContentRef content = state.files.content(source.bucket(), source.key(), 0, original.size())
                .orElseThrow(ObjectOperations::noSuchKey);
        // COPY keeps the source's metadata and system metadata; REPLACE takes the request's. The storage class is
        // the request's either way (STANDARD when it names none), as S3's CopyObject does.
        ObjectHeaders headers = replace ? new ObjectHeaders(request.cacheControl(), request.contentDisposition(),
                request.contentEncoding(), request.contentLanguage(), ObjectOperations.httpDate(request.expires()),
                storageClass) : new ObjectHeaders(original.headers().cacheControl(),
                original.headers().contentDisposition(), original.headers().contentEncoding(),
                original.headers().contentLanguage(), original.headers().expires(), storageClass);
        ObjectMeta copy = ObjectMeta.simple(key, original.size(), original.md5(),
                replace ? ObjectOperations.contentType(request.contentType()) : original.contentType(),
                state.clock.millis(), replace ? ObjectOperations.lowered(request.metadata()) : original.metadata(),
                headers);
        state.put(target.name(), copy, List.of(content));
        return copy;
    }

    /**
     * The {@code x-amz-copy-source} header as received. The SDK deprecates this member for its client-side
     * {@code sourceBucket}/{@code sourceKey}, which it folds into that very header; on the server the header is all
     * there is.
     */
    @SuppressWarnings("deprecation")
    private static String copySource(CopyObjectRequest request) {
        return request.copySource();
    }

    @SuppressWarnings("deprecation")
    private static String copySource(UploadPartCopyRequest request) {
        return request.copySource();
    }

    /** True for {@code REPLACE}; {@code COPY} or absent is false. */
    private static boolean directive(String directive) {
        if (directive == null || directive.equals("COPY")) {
            return false;
        }
        if (directive.equals("REPLACE")) {
            return true;
        }
        throw new AwsException(AwsError.S3_INVALID_ARGUMENT, "Unknown metadata directive.");
    }

    UploadPartCopyResponse uploadPartCopy(RequestContext ctx, UploadPartCopyRequest request) {
        Source source = Source.parse(copySource(request));
        ObjectMeta original = objects.meta(source.bucket(), source.key());
        long[] range = range(request.copySourceRange(), original.size());
        ObjectMeta part = uploads.withPart(request.destinationBucket(), request.destinationKey(), request.uploadId(), request.partNumber(),
                (upload, partKey) -> state.withBuckets(source.bucket(), source.bucket(), () -> {
                    // Under the source bucket's lock: the range read is of the object the range was checked on.
                    ObjectMeta current = objects.meta(source.bucket(), source.key());
                    if (current.size() != original.size() || !current.etag().equals(original.etag())) {
                        throw new AwsException(AwsError.S3_INVALID_REQUEST,
                                "The source object changed while it was being copied; retry the request.");
                    }
                    ObjectFiles.ContentRef content = state.files.content(source.bucket(), source.key(), range[0],
                            range[1]).orElseThrow(ObjectOperations::noSuchKey);
                    ObjectMeta meta = ObjectMeta.simple(partKey, range[1], ObjectFiles.md5Hex(List.of(content)),
                            ObjectOperations.DEFAULT_CONTENT_TYPE, state.clock.millis(), Map.of(),
                            ObjectHeaders.NONE);
                    state.parts.write(upload.uploadId(), meta, List.of(content));
                    return meta;
                }));
        return UploadPartCopyResponse.builder().copyPartResult(CopyPartResult.builder().eTag(part.quotedEtag())
                .lastModified(Instant.ofEpochMilli(part.lastModifiedMillis())).build()).build();
    }

    /** {@code {first, length}} of {@code bytes=first-last} (both inclusive), or the whole object when absent. */
    private static long[] range(String header, long size) {
        if (header == null) {
            return new long[] {0, size};
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches()) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT, "The x-amz-copy-source-range value must be of the "
                    + "form bytes=first-last where first and last are the zero-based offsets of the first and last "
                    + "bytes to copy");
        }
        try {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            if (first > last || last >= size) {
                throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                        "Range specified is not valid for source object of size: " + size);
            }
            return new long[] {first, last - first + 1};
        } catch (NumberFormatException e) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                    "Range specified is not valid for source object of size: " + size);
        }
    }
}
