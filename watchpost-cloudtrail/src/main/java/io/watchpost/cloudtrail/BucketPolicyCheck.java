package io.watchpost.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.port.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks CloudTrail makes on a trail's bucket before accepting it: the bucket exists, and its policy allows
 * the {@code cloudtrail.amazonaws.com} service principal {@code s3:GetBucketAcl} on the bucket and
 * {@code s3:PutObject} on {@code [prefix/]AWSLogs/ACCOUNT/*}. Conditions are not evaluated (AWS's recommended
 * {@code aws:SourceArn}/{@code s3:x-amz-acl} conditions always hold for the trail's own writes).
 */
final class BucketPolicyCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketPolicyCheck() {}

    static void check(ObjectStore buckets, String bucket, String prefix, String accountId) {
        if (buckets.bucket(bucket).isEmpty()) {
            throw new AwsException(AwsError.TRAIL_S3_BUCKET_DOES_NOT_EXIST, "S3 bucket " + bucket + " does not exist!");
        }
        String bucketArn = "arn:aws:s3:::" + bucket;
        String objectArn = bucketArn + "/" + (prefix == null || prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/"
                + accountId + "/CloudTrail/x";
        List<JsonNode> statements = buckets.bucketPolicy(bucket).map(BucketPolicyCheck::statements).orElse(List.of());
        if (!allows(statements, "s3:GetBucketAcl", bucketArn) || !allows(statements, "s3:PutObject", objectArn)) {
            throw new AwsException(AwsError.TRAIL_INSUFFICIENT_S3_BUCKET_POLICY,
                    "Incorrect S3 bucket policy is detected for bucket: " + bucket);
        }
    }

    private static List<JsonNode> statements(String policy) {
        try {
            JsonNode statement = JSON.readTree(policy).path("Statement");
            List<JsonNode> out = new ArrayList<>();
            if (statement.isArray()) {
                statement.forEach(out::add);
            } else if (statement.isObject()) {
                out.add(statement);
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean allows(List<JsonNode> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> "Allow".equals(s.path("Effect").asText())
                && strings(s.path("Principal").path("Service")).contains("cloudtrail.amazonaws.com")
                && strings(s.path("Action")).stream().anyMatch(a -> glob(a.toLowerCase()).matcher(action.toLowerCase())
                        .matches())
                && strings(s.path("Resource")).stream().anyMatch(r -> glob(r).matcher(resource).matches()));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> out.add(value.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
