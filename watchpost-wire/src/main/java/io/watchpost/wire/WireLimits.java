package io.watchpost.wire;

/**
 * Bounds applied before any parsing: the body as received and the body after gzip decoding. Services apply
 * their own, smaller AWS limits after decoding (for example PutLogEvents' 1,048,576 bytes). Requests signed for S3
 * carry objects: they may be up to {@code maxObjectBodyBytes} (S3 itself takes 5 GiB in one PUT but recommends
 * multipart above 100 MB, which is what the CLI and the SDKs' transfer managers do), and all such bodies being read
 * at once share {@code maxObjectBytesInFlight}, so that concurrent large uploads cannot exhaust the heap.
 */
public record WireLimits(int maxBodyBytes, int maxDecodedBodyBytes, int maxObjectBodyBytes,
        long maxObjectBytesInFlight) {
    private static final int MIB = 1024 * 1024;

    /** 8 MiB requests, 16 MiB decoded, 100 MiB objects, and a quarter of the heap (at most 512 MiB) for objects. */
    public static final WireLimits DEFAULT = new WireLimits(8 * MIB, 16 * MIB, 100 * MIB,
            Math.min(512L * MIB, Runtime.getRuntime().maxMemory() / 4));

    public WireLimits {
        if (maxBodyBytes <= 0 || maxDecodedBodyBytes < maxBodyBytes || maxObjectBodyBytes < maxBodyBytes
                || maxObjectBytesInFlight < maxBodyBytes) {
            throw new IllegalArgumentException("limits must be positive; decoded, object and in-flight >= raw");
        }
    }

    public WireLimits(int maxBodyBytes, int maxDecodedBodyBytes) {
        this(maxBodyBytes, maxDecodedBodyBytes, maxBodyBytes, maxBodyBytes);
    }

    /** The body limit of a request: an object's when it is signed for S3 (header or presigned query). */
    public int maxBodyBytes(String authorization, String rawQuery) {
        return signedForS3(authorization, rawQuery) ? maxObjectBodyBytes : maxBodyBytes;
    }

    /**
     * Whether a request's SigV4 credential scope names the {@code s3} service, read from the raw header or query
     * before anything is parsed ({@code .../<region>/s3/aws4_request}).
     */
    public static boolean signedForS3(String authorization, String rawQuery) {
        if (authorization != null) {
            return authorization.contains("/s3/aws4_request") || authorization.startsWith("AWS ");
        }
        return rawQuery != null && (rawQuery.contains("%2Fs3%2Faws4_request") || rawQuery.contains("/s3/aws4_request")
                || rawQuery.contains("AWSAccessKeyId="));
    }
}
