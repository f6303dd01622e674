package io.watchpost.cloudtrail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/** Object keys and encodings of delivered files, as AWS lays them out in the bucket. */
final class DeliveryFiles {
    static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DIGEST_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    static final String CONTENT_TYPE = "application/json";

    private DeliveryFiles() {}

    /** {@code [prefix/]AWSLogs/ACCOUNT/CloudTrail/REGION/yyyy/MM/dd/ACCOUNT_CloudTrail_REGION_yyyyMMddTHHmmZ_RANDOM.json.gz}. */
    static String logKey(TrailRecord trail, String region, Instant at, String random) {
        String account = trail.accountId();
        return prefix(trail) + "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DATE_PATH.format(at) + "/"
                + account + "_CloudTrail_" + region + "_" + LOG_STAMP.format(at) + "_" + random + ".json.gz";
    }

    /** {@code [prefix/]AWSLogs/ACCOUNT/CloudTrail-Insight/REGION/yyyy/MM/dd/ACCOUNT_CloudTrail-Insight_REGION_yyyyMMddTHHmmZ_RANDOM.json.gz}. */
    static String insightKey(TrailRecord trail, String region, Instant at, String random) {
        String account = trail.accountId();
        return prefix(trail) + "AWSLogs/" + account + "/CloudTrail-Insight/" + region + "/" + DATE_PATH.format(at)
                + "/" + account + "_CloudTrail-Insight_" + region + "_" + LOG_STAMP.format(at) + "_" + random
                + ".json.gz";
    }

    /** {@code [prefix/]AWSLogs/ACCOUNT/CloudTrail-Digest/REGION/yyyy/MM/dd/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOME_yyyyMMddTHHmmssZ.json.gz}. */
    static String digestKey(TrailRecord trail, String region, Instant end) {
        String account = trail.accountId();
        return prefix(trail) + "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + DATE_PATH.format(end)
                + "/" + account + "_CloudTrail-Digest_" + region + "_" + trail.name() + "_" + trail.homeRegion() + "_"
                + DIGEST_STAMP.format(end) + ".json.gz";
    }

    private static String prefix(TrailRecord trail) {
        return trail.s3KeyPrefix() == null ? "" : trail.s3KeyPrefix() + "/";
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code {"Records":[r1,r2,…]}} from the records' JSON bytes as recorded, without re-parsing them. */
    static byte[] records(java.util.List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.stream().mapToInt(r -> r.length + 1).sum() + 16);
        out.writeBytes("{\"Records\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i));
        }
        out.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
