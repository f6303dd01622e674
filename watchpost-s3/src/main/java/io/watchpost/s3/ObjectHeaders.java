package io.watchpost.s3;

import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The system metadata S3 keeps with an object besides its Content-Type and returns on GetObject and HeadObject:
 * Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires (as sent) and the storage class
 * ({@code null} is {@code STANDARD}, which S3 leaves out of object responses). Every member is null when absent.
 */
record ObjectHeaders(String cacheControl, String contentDisposition, String contentEncoding, String contentLanguage,
        String expires, String storageClass) {
    static final ObjectHeaders NONE = new ObjectHeaders(null, null, null, null, null, null);

    /** The class ListObjects reports: STANDARD unless the object was written with another. */
    String listedStorageClass() {
        return storageClass == null ? ObjectStorageClass.STANDARD.toString() : storageClass;
    }

    /** The storage class for an object response header: absent for STANDARD, as S3 answers. */
    String responseStorageClass() {
        return storageClass == null || storageClass.equals(StorageClass.STANDARD.toString()) ? null : storageClass;
    }

    /** A storage class a write may name: one S3 defines, else S3's InvalidStorageClass. */
    static String checkedStorageClass(String given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (StorageClass.fromValue(given) == StorageClass.UNKNOWN_TO_SDK_VERSION) {
            throw new io.watchpost.core.AwsException(io.watchpost.core.AwsError.S3_INVALID_STORAGE_CLASS,
                    "The storage class you specified is not valid");
        }
        return given.equals(StorageClass.STANDARD.toString()) ? null : given;
    }
}
