package io.watchpost.core.port;

import io.watchpost.core.Scope;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket subset of S3 as other services use it: CloudTrail delivers log and digest files, Logs exports
 * write objects. Buckets are global by name and owned by one account; an object is written whole and durably
 * before {@link #putObject} returns.
 */
public interface ObjectStore {
    /** The owner and region of a bucket, if it exists. */
    Optional<Scope> bucket(String bucketName);

    /** The bucket policy JSON, if one is set. */
    Optional<String> bucketPolicy(String bucketName);

    void putObject(String bucketName, String key, byte[] content, String contentType, Map<String, String> metadata);

    Optional<StoredObject> getObject(String bucketName, String key);

    /** An object's bytes and its user metadata ({@code x-amz-meta-*} without the prefix). */
    record StoredObject(byte[] content, String contentType, Map<String, String> metadata) {
        public StoredObject {
            java.util.Objects.requireNonNull(content, "content is null");
            java.util.Objects.requireNonNull(contentType, "contentType is null");
            metadata = Map.copyOf(metadata);
        }
    }
}
