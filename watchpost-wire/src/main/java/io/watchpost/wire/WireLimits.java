package io.watchpost.wire;

/**
 * Bounds applied before any parsing: the body as received and the body after gzip decoding. Services apply
 * their own, smaller AWS limits after decoding (for example PutLogEvents' 1,048,576 bytes).
 */
public record WireLimits(int maxBodyBytes, int maxDecodedBodyBytes) {
    public static final WireLimits DEFAULT = new WireLimits(8 * 1024 * 1024, 16 * 1024 * 1024);

    public WireLimits {
        if (maxBodyBytes <= 0 || maxDecodedBodyBytes < maxBodyBytes) {
            throw new IllegalArgumentException("limits must be positive and decoded >= raw");
        }
    }
}
