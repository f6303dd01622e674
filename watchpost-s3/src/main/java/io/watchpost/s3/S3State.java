package io.watchpost.s3;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The state the S3 operations share: buckets and in-progress multipart uploads in the journal (durable before an
 * operation returns), objects in {@link ObjectFiles}, the parts of uploads in a second {@link ObjectFiles} (one
 * directory per upload id, one file per part), and an in-memory key index per bucket, loaded from the files'
 * headers on first use. Thread-safe: writes to a bucket's objects hold that bucket's index as the lock, so the index
 * and the files agree; reads of the index are lock-free.
 */
final class S3State {
    final StateTable<BucketRecord> buckets;
    final StateTable<UploadRecord> uploads;
    final ObjectFiles files;
    final ObjectFiles parts;
    final Clock clock;
    private final Map<String, ConcurrentSkipListMap<String, ObjectMeta>> indexes = new ConcurrentHashMap<>();

    /**
     * @param objectsDirectory where objects live; parts of multipart uploads live in its sibling {@code uploads}
     */
    S3State(StateJournal journal, Path objectsDirectory, Clock clock) {
        this.buckets = journal.table("s3.buckets", BucketRecord.class);
        this.uploads = journal.table("s3.uploads", UploadRecord.class);
        this.files = new ObjectFiles(objectsDirectory);
        this.parts = new ObjectFiles(objectsDirectory.resolveSibling("uploads"));
        this.clock = clock;
    }

    BucketRecord bucket(String name) {
        return buckets.get(name == null ? "" : name).orElseThrow(() -> new AwsException(AwsError.S3_NO_SUCH_BUCKET,
                "The specified bucket does not exist"));
    }

    /** The key index of an existing bucket. */
    ConcurrentSkipListMap<String, ObjectMeta> index(String bucket) {
        return indexes.computeIfAbsent(bucket, name -> {
            ConcurrentSkipListMap<String, ObjectMeta> index = new ConcurrentSkipListMap<>();
            files.scan(name).forEach(meta -> index.put(meta.key(), meta));
            return index;
        });
    }

    void put(String bucket, ObjectMeta meta, byte[] content) {
        ConcurrentSkipListMap<String, ObjectMeta> index = index(bucket);
        synchronized (index) {
            files.write(bucket, meta, content);
            index.put(meta.key(), meta);
        }
    }

    /** Publishes an object streamed from {@code sources} (parts, or a range of another object). */
    void put(String bucket, ObjectMeta meta, List<ObjectFiles.ContentRef> sources) {
        ConcurrentSkipListMap<String, ObjectMeta> index = index(bucket);
        synchronized (index) {
            files.write(bucket, meta, sources);
            index.put(meta.key(), meta);
        }
    }

    /**
     * Runs {@code body} holding the write locks of both buckets (taken in name order, so two copies in opposite
     * directions cannot deadlock): a copy reads its source while nothing can replace or delete it.
     */
    <T> T withBuckets(String first, String second, java.util.function.Supplier<T> body) {
        boolean ordered = first.compareTo(second) <= 0;
        ConcurrentSkipListMap<String, ObjectMeta> a = index(ordered ? first : second);
        ConcurrentSkipListMap<String, ObjectMeta> b = index(ordered ? second : first);
        synchronized (a) {
            synchronized (b) {
                return body.get();
            }
        }
    }

    void delete(String bucket, String key) {
        ConcurrentSkipListMap<String, ObjectMeta> index = index(bucket);
        synchronized (index) {
            files.delete(bucket, key);
            index.remove(key);
        }
    }

    /** Forgets a deleted bucket: its object files, and the uploads still in progress into it with their parts. */
    void dropBucket(String bucket) {
        files.deleteBucketDirectory(bucket);
        indexes.remove(bucket);
        uploads.view().forEach((id, upload) -> {
            if (upload.bucket().equals(bucket)) {
                uploads.remove(id);
                parts.deleteBucketDirectory(id);
            }
        });
    }

    void forgetIndexes() {
        indexes.clear();
    }
}
