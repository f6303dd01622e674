package io.watchpost.s3;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.store.StateJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The bucket subset of S3 (endpoint prefix {@code s3}) and the {@link ObjectStore} port that CloudTrail and
 * Logs exports write through. Buckets and policies live in the state journal; objects live under
 * {@code objectsDirectory}, one crash-safe file each ({@link ObjectFiles}); parts of multipart uploads in its sibling
 * {@code uploads}, removed when the upload completes or is aborted. PutObject and UploadPart take a
 * {@link io.watchpost.core.api.StreamingInput} and GetObject returns a
 * {@link io.watchpost.core.api.StreamingOutput}, because the SDK models those bodies outside its POJOs.
 * Thread-safe.
 */
public final class S3Service implements WatchpostService, ObjectStore {
    private final S3State state;
    final BucketOperations buckets;
    final ObjectOperations objects;
    final ListOperations lists;
    final MultipartUploads multipart;
    final UploadListings uploadLists;
    final CopyOperations copies;

    /**
     * @param objectsDirectory a directory this service owns (for example {@code <data>/s3/objects}); the parts of
     *     multipart uploads go to its sibling {@code uploads}
     */
    public S3Service(StateJournal journal, Path objectsDirectory, Clock clock) {
        this.state = new S3State(requireNonNull(journal, "journal is null"),
                requireNonNull(objectsDirectory, "objectsDirectory is null"), requireNonNull(clock, "clock is null"));
        this.buckets = new BucketOperations(state);
        this.objects = new ObjectOperations(state);
        this.lists = new ListOperations(state);
        this.multipart = new MultipartUploads(state);
        this.uploadLists = new UploadListings(state, multipart);
        this.copies = new CopyOperations(state, objects, multipart);
    }

    @Override
    public String endpointPrefix() {
        return "s3";
    }

    @Override
    public ApiHandlers handlers() {
        return ApiHandlers.builder()
                .on(CreateBucketRequest.class, buckets::create)
                .on(HeadBucketRequest.class, buckets::head)
                .on(ListBucketsRequest.class, buckets::list)
                .on(GetBucketLocationRequest.class, buckets::location)
                .on(DeleteBucketRequest.class, buckets::delete)
                .on(PutBucketPolicyRequest.class, buckets::putPolicy)
                .on(GetBucketPolicyRequest.class, buckets::getPolicy)
                .on(DeleteBucketPolicyRequest.class, buckets::deletePolicy)
                .onStreaming(PutObjectRequest.class, objects::put)
                .on(GetObjectRequest.class, objects::get)
                .on(HeadObjectRequest.class, objects::head)
                .on(DeleteObjectRequest.class, objects::delete)
                .on(DeleteObjectsRequest.class, objects::deleteMany)
                .on(ListObjectsRequest.class, lists::listV1)
                .on(ListObjectsV2Request.class, lists::listV2)
                .on(CreateMultipartUploadRequest.class, multipart::create)
                .onStreaming(UploadPartRequest.class, multipart::uploadPart)
                .on(CompleteMultipartUploadRequest.class, multipart::complete)
                .on(AbortMultipartUploadRequest.class, multipart::abort)
                .on(ListMultipartUploadsRequest.class, uploadLists::listUploads)
                .on(ListPartsRequest.class, uploadLists::listParts)
                .on(CopyObjectRequest.class, copies::copyObject)
                .on(UploadPartCopyRequest.class, copies::uploadPartCopy)
                .build();
    }

    @Override
    public void afterReset() {
        state.forgetIndexes();
        state.files.deleteAll();
        state.parts.deleteAll();
    }

    @Override
    public Optional<Scope> bucket(String bucketName) {
        return state.buckets.get(bucketName).map(b -> new Scope(b.accountId(), b.region()));
    }

    @Override
    public Optional<String> bucketPolicy(String bucketName) {
        return state.buckets.get(bucketName).map(BucketRecord::policy);
    }

    /** @throws io.watchpost.core.AwsException {@code NoSuchBucket} when the bucket does not exist */
    @Override
    public void putObject(String bucketName, String key, byte[] content, String contentType,
            Map<String, String> metadata) {
        state.bucket(bucketName);
        objects.store(bucketName, key, content, contentType, metadata, ObjectHeaders.NONE);
    }

    @Override
    public Optional<StoredObject> getObject(String bucketName, String key) {
        if (state.buckets.get(bucketName).isEmpty()) {
            return Optional.empty();
        }
        ObjectMeta meta = state.index(bucketName).get(key);
        return meta == null ? Optional.empty() : state.files.read(bucketName, key)
                .map(content -> new StoredObject(content, meta.contentType(), meta.metadata()));
    }
}
