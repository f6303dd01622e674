package io.watchpost.wire.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.wire.WireRequest;
import io.watchpost.wire.codec.FormParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a SigV4 signature (the canonical request, string to sign and derived key of AWS's signing
 * specification) and compares it in constant time. For the services here the canonical URI is the path as sent,
 * URI-encoded once more, as the AWS SDKs and botocore sign it.
 */
final class SigV4Verifier {
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Verifier() {}

    static boolean verify(WireRequest request, SignedRequest signed, String secretAccessKey) {
        if (!payloadHashMatches(request)) {
            return false;
        }
        String canonical = canonicalRequest(request, signed);
        String stringToSign = "AWS4-HMAC-SHA256\n" + signed.amzDate() + '\n' + signed.credentialScope() + '\n'
                + HEX.formatHex(sha256(canonical.getBytes(UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(UTF_8), signed.scopeDate());
        key = hmac(key, signed.region());
        key = hmac(key, signed.service());
        key = hmac(key, "aws4_request");
        String expected = HEX.formatHex(hmac(key, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(UTF_8), signed.signature().getBytes(UTF_8));
    }

    static String canonicalRequest(WireRequest request, SignedRequest signed) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n');
        canonical.append(signed.service().equals("s3") ? request.rawPath() : encode(request.rawPath(), false))
                .append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signed.signedHeaders()) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>(values.size());
            values.forEach(value -> trimmed.add(value.trim().replaceAll(" +", " ")));
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signed.signedHeaders())).append('\n');
        canonical.append(request.header("x-amz-content-sha256").orElseGet(
                () -> signed.presigned() && signed.service().equals("s3") ? "UNSIGNED-PAYLOAD"
                        : HEX.formatHex(sha256(request.body()))));
        return canonical.toString();
    }

    /**
     * A hex {@code x-amz-content-sha256} is signed instead of the body, so it must be the body's hash, or a
     * signature could be reused with another body. {@code UNSIGNED-PAYLOAD} and the streaming forms are not hashes.
     */
    private static boolean payloadHashMatches(WireRequest request) {
        String declared = request.header("x-amz-content-sha256").orElse("");
        if (!declared.matches("[0-9a-fA-F]{64}")) {
            return true;
        }
        return MessageDigest.isEqual(declared.toLowerCase(java.util.Locale.ROOT).getBytes(UTF_8),
                HEX.formatHex(sha256(request.body())).getBytes(UTF_8));
    }

    private static String canonicalQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : FormParameters.parseAll(rawQuery).entrySet()) {
            if (entry.getKey().equals("X-Amz-Signature")) {
                continue;
            }
            for (String value : entry.getValue()) {
                pairs.add(encode(entry.getKey(), true) + '=' + encode(value, true));
            }
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 encoding: unreserved characters stay, everything else is %XX; '/' stays unless encodeSlash. */
    static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/' && !encodeSlash) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
