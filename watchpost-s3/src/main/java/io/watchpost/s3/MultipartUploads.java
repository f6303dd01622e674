package io.watchpost.s3;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.StreamingInput;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart upload: create, upload a part, complete, abort. Parts are crash-safe files (one per part, its MD5 in
 * the header) under the upload's directory; CompleteMultipartUpload checks the list as S3 does (ascending part
 * numbers, each part present with the given ETag, every part but the last at least 5 MiB), streams the parts into
 * the object file and answers S3's multipart ETag {@code "<md5 of the parts' binary MD5s>-<count>"}.
 *
 * <p>Thread-safety: parts of one upload are written concurrently (the CLI sends ten at once) under the upload's
 * read lock; complete and abort take its write lock, so no part lands in a directory being removed.
 */
final class MultipartUploads {
    static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;
    /**
     * Watchpost's bound on an assembled object (S3's is 5 TiB): GetObject serves objects from memory, so a larger
     * one could not be read back.
     */
    static final long MAX_OBJECT_BYTES = 512L * 1024 * 1024;

    private final S3State state;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

    MultipartUploads(S3State state) {
        this.state = state;
    }

    CreateMultipartUploadResponse create(RequestContext ctx, CreateMultipartUploadRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        ObjectOperations.checkKey(request.key());
        // The hex time first: ids of one key sort by initiation, the order ListMultipartUploads pages them in.
        byte[] id = new byte[42];
        random.nextBytes(id);
        String uploadId = String.format("%012x", state.clock.millis())
                + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        state.uploads.put(uploadId, new UploadRecord(uploadId, bucket.name(), request.key(),
                ctx.scope().accountId(), state.clock.millis(), ObjectOperations.contentType(request.contentType()),
                ObjectOperations.lowered(request.metadata()), new ObjectHeaders(request.cacheControl(),
                        request.contentDisposition(), request.contentEncoding(), request.contentLanguage(),
                        ObjectOperations.httpDate(request.expires()),
                        ObjectHeaders.checkedStorageClass(request.storageClassAsString()))));
        return CreateMultipartUploadResponse.builder().bucket(bucket.name()).key(request.key()).uploadId(uploadId)
                .build();
    }

    UploadPartResponse uploadPart(RequestContext ctx, StreamingInput<UploadPartRequest> input) {
        UploadPartRequest request = input.request();
        byte[] body = input.body();
        ObjectOperations.checkContentMd5(request.contentMD5(), body);
        ObjectMeta part = withPart(request.bucket(), request.key(), request.uploadId(), request.partNumber(),
                (upload, key) -> {
                    ObjectMeta meta = ObjectMeta.simple(key, body.length, ObjectFiles.md5Hex(body),
                            ObjectOperations.DEFAULT_CONTENT_TYPE, state.clock.millis(), Map.of(),
                            ObjectHeaders.NONE);
                    state.parts.write(upload.uploadId(), meta, body);
                    return meta;
                });
        return UploadPartResponse.builder().eTag(part.quotedEtag()).build();
    }

    /** Writes one part of an upload under its read lock (after the upload and part number are checked). */
    ObjectMeta withPart(String bucket, String key, String uploadId, Integer partNumber, PartWriter writer) {
        state.bucket(bucket);
        checkPartNumber(partNumber);
        ReadWriteLock lock = lock(uploadId);
        lock.readLock().lock();
        try {
            UploadRecord upload = upload(bucket, key, uploadId);
            return writer.write(upload, partKey(partNumber));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes a part's file; runs under the upload's read lock. */
    @FunctionalInterface
    interface PartWriter {
        ObjectMeta write(UploadRecord upload, String partKey);
    }

    CompleteMultipartUploadResponse complete(RequestContext ctx, CompleteMultipartUploadRequest request) {
        state.bucket(request.bucket());
        ReadWriteLock lock = lock(request.uploadId());
        lock.writeLock().lock();
        try {
            UploadRecord upload = upload(request.bucket(), request.key(), request.uploadId());
            List<CompletedPart> wanted = request.multipartUpload() == null
                    || !request.multipartUpload().hasParts() ? List.of() : request.multipartUpload().parts();
            List<ObjectMeta> parts = checkedParts(upload, wanted);
            MessageDigest partHashes = ObjectFiles.newDigest("MD5");
            List<ObjectFiles.ContentRef> sources = new ArrayList<>();
            long size = 0;
            for (ObjectMeta part : parts) {
                partHashes.update(HexFormat.of().parseHex(part.md5()));
                sources.add(state.parts.content(upload.uploadId(), part.key(), 0, part.size())
                        .orElseThrow(MultipartUploads::invalidPart));
                size += part.size();
            }
            String etag = HexFormat.of().formatHex(partHashes.digest()) + "-" + parts.size();
            ObjectMeta object = new ObjectMeta(upload.key(), size, etag, upload.contentType(), state.clock.millis(),
                    upload.metadata(), ObjectFiles.md5Hex(sources), upload.headers());
            state.put(upload.bucket(), object, sources);
            forget(upload.uploadId());
            return CompleteMultipartUploadResponse.builder().bucket(upload.bucket()).key(upload.key())
                    .location("/" + upload.bucket() + "/" + upload.key()).eTag(object.quotedEtag()).build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<ObjectMeta> checkedParts(UploadRecord upload, List<CompletedPart> wanted) {
        if (wanted.isEmpty()) {
            throw new AwsException(AwsError.S3_MALFORMED_XML, "The XML you provided was not well-formed or did "
                    + "not validate against our published schema");
        }
        List<ObjectMeta> parts = new ArrayList<>(wanted.size());
        int previous = 0;
        long size = 0;
        for (CompletedPart part : wanted) {
            if (part == null || part.partNumber() == null || part.eTag() == null) {
                throw new AwsException(AwsError.S3_MALFORMED_XML, "The XML you provided was not well-formed or "
                        + "did not validate against our published schema");
            }
            if (part.partNumber() <= previous) {
                throw new AwsException(AwsError.S3_INVALID_PART_ORDER, "The list of parts was not in ascending "
                        + "order. Parts must be ordered by part number.");
            }
            previous = part.partNumber();
            ObjectMeta stored = part.partNumber() > MAX_PARTS ? null : storedPart(upload, part.partNumber());
            if (stored == null || !stored.etag().equals(unquote(part.eTag()))) {
                throw invalidPart();
            }
            parts.add(stored);
            size += stored.size();
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).size() < MIN_PART_BYTES) {
                throw new AwsException(AwsError.S3_ENTITY_TOO_SMALL,
                        "Your proposed upload is smaller than the minimum allowed object size.");
            }
        }
        if (size > MAX_OBJECT_BYTES) {
            throw new AwsException(AwsError.S3_ENTITY_TOO_LARGE,
                    "Your proposed upload exceeds the maximum allowed object size.");
        }
        return parts;
    }

    private ObjectMeta storedPart(UploadRecord upload, int partNumber) {
        String key = partKey(partNumber);
        return state.parts.header(upload.uploadId(), key).orElse(null);
    }

    AbortMultipartUploadResponse abort(RequestContext ctx, AbortMultipartUploadRequest request) {
        state.bucket(request.bucket());
        ReadWriteLock lock = lock(request.uploadId());
        lock.writeLock().lock();
        try {
            UploadRecord upload = upload(request.bucket(), request.key(), request.uploadId());
            forget(upload.uploadId());
        } finally {
            lock.writeLock().unlock();
        }
        return AbortMultipartUploadResponse.builder().build();
    }

    /** The upload, when it exists and was created for this bucket and key. */
    UploadRecord upload(String bucket, String key, String uploadId) {
        Optional<UploadRecord> upload = uploadId == null ? Optional.empty() : state.uploads.get(uploadId);
        return upload.filter(u -> u.bucket().equals(bucket) && u.key().equals(key))
                .orElseThrow(MultipartUploads::noSuchUpload);
    }

    static AwsException noSuchUpload() {
        return new AwsException(AwsError.S3_NO_SUCH_UPLOAD, "The specified upload does not exist. The upload ID may "
                + "be invalid, or the upload may have been aborted or completed.");
    }

    /**
     * Ends an upload; runs under its write lock. The journal record goes first: a crash before the parts are deleted
     * leaves files no upload refers to (removed at the next reset), never an upload without its parts. The lock is
     * dropped from the map too: a writer still waiting on it finds the upload gone.
     */
    private void forget(String uploadId) {
        state.uploads.remove(uploadId);
        state.parts.deleteBucketDirectory(uploadId);
        locks.remove(uploadId);
    }

    /** The upload's lock; only ids of existing uploads get one, so made-up ids cannot grow the map. */
    private ReadWriteLock lock(String uploadId) {
        if (uploadId == null || state.uploads.get(uploadId).isEmpty()) {
            throw noSuchUpload();
        }
        return locks.computeIfAbsent(uploadId, id -> new ReentrantReadWriteLock());
    }

    static void checkPartNumber(Integer partNumber) {
        if (partNumber == null || partNumber < 1 || partNumber > MAX_PARTS) {
            throw new AwsException(AwsError.S3_INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    static String partKey(int partNumber) {
        return String.format("%05d", partNumber);
    }

    static String unquote(String etag) {
        String trimmed = etag.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    static AwsException invalidPart() {
        return new AwsException(AwsError.S3_INVALID_PART, "One or more of the specified parts could not be found.  "
                + "The part may not have been uploaded, or the specified entity tag may not match the part's "
                + "entity tag.");
    }
}
