package io.watchpost.s3;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What S3 knows about an object besides its bytes; kept in the header of the object's file and in memory.
 *
 * @param etag the ETag without quotes: the MD5 of the content in lower-case hex, or for an object assembled by
 *     CompleteMultipartUpload S3's {@code <md5 of the parts' binary MD5s>-<part count>}
 * @param lastModifiedMillis epoch milliseconds
 * @param metadata user metadata ({@code x-amz-meta-*} names without the prefix, lower case)
 * @param contentMd5 the MD5 of the content in lower-case hex when it differs from the ETag (multipart objects), or
 *     null when the ETag is the MD5 (files written before this field existed have none)
 * @param headers the other system metadata ({@link ObjectHeaders#NONE} for files written before this field existed)
 */
record ObjectMeta(String key, long size, String etag, String contentType, long lastModifiedMillis,
        Map<String, String> metadata, String contentMd5, ObjectHeaders headers) {
    ObjectMeta {
        requireNonNull(key, "key is null");
        requireNonNull(etag, "etag is null");
        requireNonNull(contentType, "contentType is null");
        metadata = Map.copyOf(metadata);
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }

    /** A single-part object: its ETag is its MD5. */
    static ObjectMeta simple(String key, long size, String md5, String contentType, long lastModifiedMillis,
            Map<String, String> metadata, ObjectHeaders headers) {
        return new ObjectMeta(key, size, md5, contentType, lastModifiedMillis, metadata, null, headers);
    }

    String quotedEtag() {
        return '"' + etag + '"';
    }

    /** The MD5 that checks the content on every read. */
    String md5() {
        return contentMd5 == null ? etag : contentMd5;
    }
}
