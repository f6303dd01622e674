package io.watchpost.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.port.ObjectStore;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes one digest file (AWS, "CloudTrail digest file structure") and signs it as {@code aws cloudtrail
 * validate-logs} verifies: SHA256withRSA over {@code digestEndTime + "\n" + bucket + "/" + key + "\n" +
 * hex(SHA-256(uncompressed digest)) + "\n" + previousDigestSignature} (the literal {@code null} for the first digest),
 * the hex signature in the object metadata {@code signature}, the algorithm in {@code signature-algorithm}.
 */
final class DigestWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore buckets;
    private final Supplier<DigestSigner> signer;

    DigestWriter(ObjectStore buckets, Supplier<DigestSigner> signer) {
        this.buckets = buckets;
        this.signer = signer;
    }

    /** Writes the digest closing {@code state}'s period at {@code end}; returns the chain link for the next one. */
    DeliveryState.PreviousDigest write(TrailRecord trail, String region, DeliveryState state, Instant end) {
        String key = DeliveryFiles.digestKey(trail, region, end);
        byte[] json = render(trail, key, state, end);
        String hash = DigestSigner.sha256Hex(json);
        String previousSignature = state.previous() == null ? "null" : state.previous().signature();
        String endTime = DeliveryFiles.ISO_SECONDS.format(end);
        String signature = signer.get().sign(endTime + "\n" + trail.s3BucketName() + "/" + key + "\n" + hash + "\n"
                + previousSignature);
        buckets.putObject(trail.s3BucketName(), key, DeliveryFiles.gzip(json), DeliveryFiles.CONTENT_TYPE,
                Map.of("signature", signature, "signature-algorithm", DigestSigner.ALGORITHM));
        return new DeliveryState.PreviousDigest(trail.s3BucketName(), key, hash, signature);
    }

    private byte[] render(TrailRecord trail, String key, DeliveryState state, Instant end) {
        ObjectNode digest = JSON.createObjectNode()
                .put("awsAccountId", trail.accountId())
                .put("digestStartTime", iso(state.digestStartMillis()))
                .put("digestEndTime", DeliveryFiles.ISO_SECONDS.format(end))
                .put("digestS3Bucket", trail.s3BucketName())
                .put("digestS3Object", key)
                .put("digestPublicKeyFingerprint", signer.get().fingerprint())
                .put("digestSignatureAlgorithm", DigestSigner.ALGORITHM);
        long newest = state.pendingLogFiles().stream().mapToLong(DeliveryState.LogFileEntry::newestMillis).max()
                .orElse(Long.MIN_VALUE);
        long oldest = state.pendingLogFiles().stream().mapToLong(DeliveryState.LogFileEntry::oldestMillis).min()
                .orElse(Long.MIN_VALUE);
        putTime(digest, "newestEventTime", newest);
        putTime(digest, "oldestEventTime", oldest);
        DeliveryState.PreviousDigest previous = state.previous();
        digest.put("previousDigestS3Bucket", previous == null ? null : previous.bucket())
                .put("previousDigestS3Object", previous == null ? null : previous.key())
                .put("previousDigestHashValue", previous == null ? null : previous.sha256())
                .put("previousDigestHashAlgorithm", previous == null ? null : "SHA-256")
                .put("previousDigestSignature", previous == null ? null : previous.signature());
        ArrayNode files = digest.putArray("logFiles");
        for (DeliveryState.LogFileEntry file : state.pendingLogFiles()) {
            files.addObject().put("s3Bucket", file.bucket()).put("s3Object", file.key())
                    .put("hashValue", file.sha256()).put("hashAlgorithm", "SHA-256")
                    .put("newestEventTime", iso(file.newestMillis())).put("oldestEventTime", iso(file.oldestMillis()));
        }
        try {
            return JSON.writeValueAsBytes(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putTime(ObjectNode node, String field, long millis) {
        if (millis == Long.MIN_VALUE) {
            node.putNull(field);
        } else {
            node.put(field, iso(millis));
        }
    }

    private static String iso(long millis) {
        return DeliveryFiles.ISO_SECONDS.format(Instant.ofEpochMilli(millis));
    }
}
