package io.watchpost.s3;

import static java.util.Objects.requireNonNull;

/**
 * A bucket as the state journal keeps it (keyed by name: bucket names are global).
 *
 * @param createdMillis creation time, epoch milliseconds
 * @param policy the bucket policy JSON, or null when none is set (journal records are plain Jackson records)
 */
record BucketRecord(String name, String accountId, String region, long createdMillis, String policy) {
    BucketRecord {
        requireNonNull(name, "name is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(region, "region is null");
    }

    BucketRecord withPolicy(String newPolicy) {
        return new BucketRecord(name, accountId, region, createdMillis, newPolicy);
    }
}
