package io.watchpost.wire.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.wire.WireRequest;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * S3's Signature Version 2 (the S3 developer guide's "Signing and authenticating REST requests"): the string to sign
 * is the method, Content-MD5, Content-Type, the date (Expires for a presigned URL; empty when {@code x-amz-date} is
 * sent), the {@code x-amz-*} headers (lower case, sorted, {@code name:value} lines) and the resource (the path as
 * sent plus the sub-resources S3 signs, sorted); the signature is the Base64 HMAC-SHA1 of it under the secret key.
 */
final class SigV2Verifier {
    /** The query parameters S3 includes in the signed resource (the list botocore's HmacV1 signer uses). */
    private static final Set<String> SUBRESOURCES = Set.of("accelerate", "acl", "cors", "defaultObjectAcl",
            "location", "logging", "partNumber", "policy", "requestPayment", "torrent", "versioning", "versionId",
            "versions", "website", "uploads", "uploadId", "response-content-type", "response-content-language",
            "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "delete", "lifecycle", "tagging", "restore", "storageClass", "notification",
            "replication", "analytics", "metrics", "inventory", "select", "select-type", "object-lock");

    private SigV2Verifier() {}

    static boolean verify(WireRequest request, SignedRequest signed, String secretAccessKey) {
        String expected = sign(stringToSign(request, signed), secretAccessKey);
        return MessageDigest.isEqual(expected.getBytes(UTF_8), signed.signature().getBytes(UTF_8));
    }

    static String stringToSign(WireRequest request, SignedRequest signed) {
        StringBuilder s = new StringBuilder();
        s.append(request.method()).append('\n');
        s.append(request.header("Content-MD5").orElse("")).append('\n');
        s.append(request.header("Content-Type").orElse("")).append('\n');
        if (signed.presigned()) {
            s.append(signed.expires().orElse(""));
        } else if (request.header("x-amz-date").isEmpty()) {
            s.append(request.header("Date").orElse(""));
        }
        s.append('\n');
        TreeMap<String, List<String>> amz = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                values.forEach(v -> amz.computeIfAbsent(lower, k -> new ArrayList<>()).add(v.strip()));
            }
        });
        amz.forEach((name, values) -> s.append(name).append(':').append(String.join(",", values)).append('\n'));
        s.append(request.rawPath());
        TreeMap<String, String> subresources = new TreeMap<>();
        for (String pair : request.rawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (SUBRESOURCES.contains(name)) {
                subresources.put(name, eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        if (!subresources.isEmpty()) {
            s.append('?');
            String separator = "";
            for (Map.Entry<String, String> e : subresources.entrySet()) {
                s.append(separator).append(e.getKey());
                if (e.getValue() != null) {
                    s.append('=').append(e.getValue());
                }
                separator = "&";
            }
        }
        return s.toString();
    }

    static String sign(String stringToSign, String secretAccessKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretAccessKey.getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
