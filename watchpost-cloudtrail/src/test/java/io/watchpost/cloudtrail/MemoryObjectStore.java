package io.watchpost.cloudtrail;

import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A real, in-memory {@link ObjectStore}: buckets with owners, policies and objects (keys in S3's order). */
final class MemoryObjectStore implements ObjectStore {
    private final Map<String, Scope> buckets = new ConcurrentHashMap<>();
    private final Map<String, String> policies = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> objects = new ConcurrentHashMap<>();

    void createBucket(String name, Scope owner) {
        buckets.put(name, owner);
        objects.put(name, new ConcurrentSkipListMap<>());
    }

    void putBucketPolicy(String name, String policy) {
        policies.put(name, policy);
    }

    /** AWS's documented CloudTrail bucket policy (User Guide, "Amazon S3 bucket policy for CloudTrail"). */
    static String cloudTrailPolicy(String bucket, String prefix, String account) {
        String path = (prefix == null ? "" : prefix + "/") + "AWSLogs/" + account + "/*";
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AWSCloudTrailAclCheck","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
                  "Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::%1$s"},
                 {"Sid":"AWSCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
                  "Action":"s3:PutObject","Resource":"arn:aws:s3:::%1$s/%2$s",
                  "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}}]}
                """.formatted(bucket, path);
    }

    /** The bucket's objects, by key. */
    TreeMap<String, StoredObject> objects(String bucket) {
        return new TreeMap<>(objects.get(bucket));
    }

    @Override
    public Optional<Scope> bucket(String bucketName) {
        return Optional.ofNullable(buckets.get(bucketName));
    }

    @Override
    public Optional<String> bucketPolicy(String bucketName) {
        return Optional.ofNullable(policies.get(bucketName));
    }

    @Override
    public void putObject(String bucketName, String key, byte[] content, String contentType,
            Map<String, String> metadata) {
        ConcurrentSkipListMap<String, StoredObject> bucket = objects.get(bucketName);
        if (bucket == null) {
            throw new IllegalStateException("NoSuchBucket " + bucketName);
        }
        bucket.put(key, new StoredObject(content.clone(), contentType, metadata));
    }

    @Override
    public Optional<StoredObject> getObject(String bucketName, String key) {
        return Optional.ofNullable(objects.getOrDefault(bucketName, new ConcurrentSkipListMap<>()).get(key));
    }
}
