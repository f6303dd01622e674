package io.watchpost.logs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore;
import java.util.Optional;

/**
 * What AWS checks of the destination bucket at CreateExportTask: it exists, and its policy lets the CloudWatch Logs
 * service principal ({@code logs.amazonaws.com} or {@code logs.<region>.amazonaws.com}) call {@code s3:GetBucketAcl}
 * on it and {@code s3:PutObject} into it — also for a bucket of the caller's own account, since the service, not the
 * caller, writes. Resource ARNs and conditions in the policy are not evaluated.
 */
final class BucketAccess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketAccess() {}

    static void check(ObjectStore objects, Scope scope, String bucket) {
        if (objects.bucket(bucket).isEmpty()) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "The given bucket does not exist. Please make sure the bucket is valid.");
        }
        Optional<JsonNode> policy = objects.bucketPolicy(bucket).flatMap(BucketAccess::parse);
        if (policy.isEmpty() || !allows(policy.get(), scope.region(), "s3:GetBucketAcl")) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "GetBucketAcl call on the given bucket failed. "
                    + "Please check if CloudWatch Logs has been granted permission to perform this operation.");
        }
        if (!allows(policy.get(), scope.region(), "s3:PutObject")) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "PutObject call on the given bucket failed. "
                    + "Please check if CloudWatch Logs has been granted permission to perform this operation.");
        }
    }

    private static Optional<JsonNode> parse(String policy) {
        try {
            return Optional.of(JSON.readTree(policy));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean allows(JsonNode policy, String region, String action) {
        for (JsonNode statement : each(policy.path("Statement"))) {
            if ("Allow".equals(statement.path("Effect").asText())
                    && matches(statement.path("Action"), action)
                    && principal(statement.path("Principal"), region)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode actions, String action) {
        for (JsonNode a : each(actions)) {
            String value = a.asText();
            if (value.equals("*") || value.equals("s3:*") || value.equalsIgnoreCase(action)) {
                return true;
            }
        }
        return false;
    }

    private static boolean principal(JsonNode principal, String region) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (JsonNode service : each(principal.path("Service"))) {
            String value = service.asText();
            if (value.equals("logs.amazonaws.com") || value.equals("logs." + region + ".amazonaws.com")) {
                return true;
            }
        }
        for (JsonNode aws : each(principal.path("AWS"))) {
            if (aws.asText().equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<JsonNode> each(JsonNode node) {
        return node.isArray() ? node : node.isMissingNode() ? java.util.List.of() : java.util.List.of(node);
    }
}
