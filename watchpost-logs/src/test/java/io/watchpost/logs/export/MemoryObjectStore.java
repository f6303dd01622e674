package io.watchpost.logs.export;

import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A small real {@link ObjectStore}: buckets, policies and objects in memory, objects ordered by key. */
final class MemoryObjectStore implements ObjectStore {
    private final Map<String, Scope> buckets = new ConcurrentHashMap<>();
    private final Map<String, String> policies = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, StoredObject>> objects = new ConcurrentHashMap<>();

    void createBucket(String name, Scope owner, String policy) {
        buckets.put(name, owner);
        objects.put(name, new TreeMap<>());
        if (policy != null) {
            policies.put(name, policy);
        }
    }

    /** The keys of a bucket, in order. */
    synchronized java.util.List<String> keys(String bucket) {
        return java.util.List.copyOf(objects.get(bucket).keySet());
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
    public synchronized void putObject(String bucketName, String key, byte[] content, String contentType,
            Map<String, String> metadata) {
        TreeMap<String, StoredObject> bucket = objects.get(bucketName);
        if (bucket == null) {
            throw new IllegalStateException("NoSuchBucket: " + bucketName);
        }
        bucket.put(key, new StoredObject(content.clone(), contentType, metadata));
    }

    @Override
    public synchronized Optional<StoredObject> getObject(String bucketName, String key) {
        TreeMap<String, StoredObject> bucket = objects.get(bucketName);
        return bucket == null ? Optional.empty() : Optional.ofNullable(bucket.get(key));
    }
}
