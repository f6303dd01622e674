package io.watchpost.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination tokens. A token carries a service's position (for example the last key
 * returned) followed by a truncated HMAC-SHA256 under a server key, base64url-encoded; a token that was altered,
 * truncated or made up does not decode, so the service answers its own invalid-token error.
 */
public final class PageTokens {
    private static final int MAC_BYTES = 12;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;

    public PageTokens(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("page token key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String encode(String position) {
        byte[] payload = position.getBytes(UTF_8);
        byte[] token = new byte[1 + payload.length + MAC_BYTES];
        token[0] = VERSION;
        System.arraycopy(payload, 0, token, 1, payload.length);
        System.arraycopy(mac(token, 1 + payload.length), 0, token, 1 + payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public Optional<String> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 1 + MAC_BYTES || bytes[0] != VERSION) {
            return Optional.empty();
        }
        int payloadEnd = bytes.length - MAC_BYTES;
        byte[] expected = Arrays.copyOf(mac(bytes, payloadEnd), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, payloadEnd, bytes.length))) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, 1, payloadEnd - 1, UTF_8));
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
