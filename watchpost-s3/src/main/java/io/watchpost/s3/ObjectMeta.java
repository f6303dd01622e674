package io.watchpost.s3;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What S3 knows about an object besides its bytes; kept in the header of the object's file and in memory.
 *
 * @param etag the MD5 of the content in lower-case hex, without quotes
 * @param lastModifiedMillis epoch milliseconds
 * @param metadata user metadata ({@code x-amz-meta-*} names without the prefix, lower case)
 */
record ObjectMeta(String key, long size, String etag, String contentType, long lastModifiedMillis,
        Map<String, String> metadata) {
    ObjectMeta {
        requireNonNull(key, "key is null");
        requireNonNull(etag, "etag is null");
        requireNonNull(contentType, "contentType is null");
        metadata = Map.copyOf(metadata);
    }

    String quotedEtag() {
        return '"' + etag + '"';
    }
}
