package io.watchpost.s3;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A multipart upload in progress, in the journal table {@code s3.uploads} under its upload id. Its parts are files
 * of {@link S3State#parts} in the directory named by the id; the record is removed when the upload completes or is
 * aborted, and the directory with it.
 *
 * @param initiatedMillis CreateMultipartUpload's time, epoch milliseconds
 * @param contentType and {@code metadata}: what CreateMultipartUpload gave, for the assembled object
 */
record UploadRecord(String uploadId, String bucket, String key, String accountId, long initiatedMillis,
        String contentType, Map<String, String> metadata, ObjectHeaders headers) {
    UploadRecord {
        requireNonNull(uploadId, "uploadId is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(contentType, "contentType is null");
        metadata = Map.copyOf(metadata);
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }
}
