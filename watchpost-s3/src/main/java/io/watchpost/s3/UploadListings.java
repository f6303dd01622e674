package io.watchpost.s3;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * ListMultipartUploads (a bucket's uploads in progress, by key then initiation time, with prefix, delimiter and the
 * key / upload-id markers) and ListParts (an upload's parts by number, after {@code part-number-marker}); pages of
 * at most 1,000 as in S3.
 */
final class UploadListings {
    private static final int MAX_PAGE = 1000;
    /** Upload ids start with their initiation time in hex, so this is S3's order: key, then initiation. */
    private static final Comparator<UploadRecord> ORDER = Comparator.comparing(UploadRecord::key)
            .thenComparing(UploadRecord::uploadId);

    private final S3State state;
    private final MultipartUploads uploads;

    UploadListings(S3State state, MultipartUploads uploads) {
        this.state = state;
        this.uploads = uploads;
    }

    ListPartsResponse listParts(RequestContext ctx, ListPartsRequest request) {
        state.bucket(request.bucket());
        UploadRecord upload = uploads.upload(request.bucket(), request.key(), request.uploadId());
        int max = pageSize(request.maxParts(), "max-parts");
        int marker = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
        List<ObjectMeta> parts = state.parts.scan(upload.uploadId())
                .filter(p -> Integer.parseInt(p.key()) > marker)
                .sorted(Comparator.comparing(ObjectMeta::key)).toList();
        boolean truncated = parts.size() > max;
        List<ObjectMeta> page = truncated ? parts.subList(0, max) : parts;
        Owner owner = BucketOperations.owner(upload.accountId());
        ListPartsResponse.Builder response = ListPartsResponse.builder().bucket(upload.bucket()).key(upload.key())
                .uploadId(upload.uploadId()).partNumberMarker(marker).maxParts(max).isTruncated(truncated)
                .initiator(initiator(owner)).owner(owner).storageClass("STANDARD")
                .parts(page.stream().map(p -> Part.builder().partNumber(Integer.parseInt(p.key()))
                        .lastModified(Instant.ofEpochMilli(p.lastModifiedMillis())).eTag(p.quotedEtag())
                        .size(p.size()).build()).toList());
        if (!page.isEmpty()) {
            response.nextPartNumberMarker(Integer.parseInt(page.getLast().key()));
        }
        return response.build();
    }

    ListMultipartUploadsResponse listUploads(RequestContext ctx, ListMultipartUploadsRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        int max = pageSize(request.maxUploads(), "max-uploads");
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String keyMarker = request.keyMarker() == null ? "" : request.keyMarker();
        String idMarker = request.uploadIdMarker();
        List<UploadRecord> candidates = state.uploads.view().values().stream()
                .filter(u -> u.bucket().equals(bucket.name()) && u.key().startsWith(prefix))
                .filter(u -> after(u, keyMarker, idMarker)).sorted(ORDER).toList();
        List<MultipartUpload> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String nextKey = null;
        String nextId = null;
        boolean truncated = false;
        for (UploadRecord upload : candidates) {
            String rollUp = delimiter == null ? null : rollUp(upload.key(), prefix, delimiter);
            if (rollUp != null && (prefixes.contains(rollUp) || keyMarker.startsWith(rollUp))) {
                continue;
            }
            if (page.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (rollUp != null) {
                prefixes.add(rollUp);
                nextKey = rollUp;
                nextId = null;
            } else {
                page.add(view(upload));
                nextKey = upload.key();
                nextId = upload.uploadId();
            }
        }
        UnaryOperator<String> enc = ListOperations.encoder(request.encodingTypeAsString());
        ListMultipartUploadsResponse.Builder response = ListMultipartUploadsResponse.builder().bucket(bucket.name())
                .keyMarker(enc.apply(keyMarker)).uploadIdMarker(idMarker == null ? "" : idMarker)
                .prefix(enc.apply(prefix)).delimiter(enc.apply(delimiter)).maxUploads(max).isTruncated(truncated)
                .uploads(page.stream().map(u -> u.toBuilder().key(enc.apply(u.key())).build()).toList())
                .commonPrefixes(prefixes.stream().map(p -> CommonPrefix.builder().prefix(enc.apply(p)).build())
                        .toList())
                .encodingType(request.encodingTypeAsString());
        if (truncated) {
            response.nextKeyMarker(enc.apply(nextKey)).nextUploadIdMarker(nextId);
        }
        return response.build();
    }

    /** S3: with an upload-id marker, uploads of the marker key initiated after it; without, keys after the marker. */
    private static boolean after(UploadRecord upload, String keyMarker, String idMarker) {
        int byKey = upload.key().compareTo(keyMarker);
        if (byKey != 0 || keyMarker.isEmpty()) {
            return byKey > 0 || keyMarker.isEmpty();
        }
        return idMarker != null && !idMarker.isEmpty() && upload.uploadId().compareTo(idMarker) > 0;
    }

    private static String rollUp(String key, String prefix, String delimiter) {
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static MultipartUpload view(UploadRecord upload) {
        Owner owner = BucketOperations.owner(upload.accountId());
        return MultipartUpload.builder().key(upload.key()).uploadId(upload.uploadId())
                .initiated(Instant.ofEpochMilli(upload.initiatedMillis())).storageClass("STANDARD").owner(owner)
                .initiator(initiator(owner)).build();
    }

    private static Initiator initiator(Owner owner) {
        return Initiator.builder().id(owner.id()).build();
    }

    private static int pageSize(Integer requested, String name) {
        if (requested == null) {
            return MAX_PAGE;
        }
        if (requested < 0) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                    "Argument " + name + " must be an integer between 0 and 2147483647");
        }
        return Math.min(requested, MAX_PAGE);
    }
}
