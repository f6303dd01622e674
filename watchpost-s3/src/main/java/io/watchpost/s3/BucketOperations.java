package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;

/** Bucket operations: create, head, list, location, delete, and the bucket policy. */
final class BucketOperations {
    private static final String US_EAST_1 = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_POLICY_BYTES = 20 * 1024;

    private final S3State state;

    BucketOperations(S3State state) {
        this.state = state;
    }

    CreateBucketResponse create(RequestContext ctx, CreateBucketRequest request) {
        BucketNames.check(request.bucket());
        String region = ctx.region();
        String constraint = request.createBucketConfiguration() == null ? null
                : request.createBucketConfiguration().locationConstraintAsString();
        String bucketRegion = bucketRegion(region, constraint);
        BucketRecord created = new BucketRecord(request.bucket(), ctx.scope().accountId(), bucketRegion,
                state.clock.millis(), null);
        Optional<BucketRecord> existing = state.buckets.putIfAbsent(request.bucket(), created);
        if (existing.isPresent()) {
            if (!existing.get().accountId().equals(created.accountId())) {
                throw new AwsException(AwsError.S3_BUCKET_ALREADY_EXISTS, "The requested bucket name is not "
                        + "available. The bucket namespace is shared by all users of the system. Please select a "
                        + "different name and try again.");
            }
            // us-east-1 keeps its legacy answer: re-creating your own bucket there is a successful no-op.
            if (!region.equals(US_EAST_1)) {
                throw new AwsException(AwsError.S3_BUCKET_ALREADY_OWNED_BY_YOU, "Your previous request to create "
                        + "the named bucket succeeded and you already own it.");
            }
        }
        return CreateBucketResponse.builder().location("/" + request.bucket()).build();
    }

    /**
     * The region the new bucket lives in. A regional endpoint only creates buckets of its own region; the
     * us-east-1 endpoint (S3's global one) creates a bucket in any region its location constraint names, and in
     * us-east-1 when there is none.
     */
    private static String bucketRegion(String region, String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            if (!region.equals(US_EAST_1)) {
                throw new AwsException(AwsError.S3_ILLEGAL_LOCATION_CONSTRAINT, "The unspecified location "
                        + "constraint is incompatible for the region specific endpoint this request was sent to.");
            }
            return US_EAST_1;
        }
        if (constraint.equals(US_EAST_1) && region.equals(US_EAST_1) || !REGION.matcher(constraint).matches()) {
            throw new AwsException(AwsError.S3_INVALID_LOCATION_CONSTRAINT,
                    "The specified location-constraint is not valid");
        }
        if (!constraint.equals(region) && !region.equals(US_EAST_1)) {
            throw new AwsException(AwsError.S3_ILLEGAL_LOCATION_CONSTRAINT, "The " + constraint + " location "
                    + "constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        return constraint;
    }

    HeadBucketResponse head(RequestContext ctx, HeadBucketRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        return HeadBucketResponse.builder().bucketRegion(bucket.region()).accessPointAlias(false).build();
    }

    ListBucketsResponse list(RequestContext ctx, ListBucketsRequest request) {
        String account = ctx.scope().accountId();
        String prefix = request.prefix() == null ? "" : request.prefix();
        List<Bucket> buckets = state.buckets.view().values().stream()
                .filter(b -> b.accountId().equals(account) && b.name().startsWith(prefix))
                .filter(b -> request.bucketRegion() == null || b.region().equals(request.bucketRegion()))
                .map(b -> Bucket.builder().name(b.name()).creationDate(Instant.ofEpochMilli(b.createdMillis()))
                        .bucketRegion(b.region()).build())
                .toList();
        return ListBucketsResponse.builder().buckets(buckets).owner(owner(account))
                .prefix(request.prefix()).build();
    }

    /** S3's canonical user id is 64 hex digits; Watchpost derives a stable one from the account. */
    static Owner owner(String accountId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(UTF_8));
            return Owner.builder().id(HexFormat.of().formatHex(hash)).build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    GetBucketLocationResponse location(RequestContext ctx, GetBucketLocationRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        // us-east-1 answers an empty LocationConstraint, as AWS does.
        return GetBucketLocationResponse.builder()
                .locationConstraint(bucket.region().equals(US_EAST_1) ? null : bucket.region()).build();
    }

    DeleteBucketResponse delete(RequestContext ctx, DeleteBucketRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        if (!state.index(bucket.name()).isEmpty()) {
            throw new AwsException(AwsError.S3_BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty");
        }
        state.buckets.remove(bucket.name());
        state.dropBucket(bucket.name());
        return DeleteBucketResponse.builder().build();
    }

    PutBucketPolicyResponse putPolicy(RequestContext ctx, PutBucketPolicyRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        String policy = request.policy();
        if (policy == null || policy.isBlank()) {
            throw new AwsException(AwsError.S3_MALFORMED_POLICY, "Policies must be valid JSON and the first byte "
                    + "must be '{'");
        }
        if (policy.getBytes(UTF_8).length > MAX_POLICY_BYTES) {
            throw new AwsException(AwsError.S3_MALFORMED_POLICY, "Policy exceeds the maximum allowed document "
                    + "size.");
        }
        checkPolicyJson(policy);
        state.buckets.put(bucket.name(), bucket.withPolicy(policy));
        return PutBucketPolicyResponse.builder().build();
    }

    private static void checkPolicyJson(String policy) {
        try {
            JsonNode node = JSON.readTree(policy);
            if (node == null || !node.isObject() || policy.strip().charAt(0) != '{') {
                throw new AwsException(AwsError.S3_MALFORMED_POLICY,
                        "Policies must be valid JSON and the first byte must be '{'");
            }
            if (!node.has("Statement")) {
                throw new AwsException(AwsError.S3_MALFORMED_POLICY, "Missing required field Statement");
            }
        } catch (JsonProcessingException e) {
            throw new AwsException(AwsError.S3_MALFORMED_POLICY,
                    "Policies must be valid JSON and the first byte must be '{'");
        }
    }

    GetBucketPolicyResponse getPolicy(RequestContext ctx, GetBucketPolicyRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        if (bucket.policy() == null) {
            throw new AwsException(AwsError.S3_NO_SUCH_BUCKET_POLICY, "The bucket policy does not exist");
        }
        return GetBucketPolicyResponse.builder().policy(bucket.policy()).build();
    }

    DeleteBucketPolicyResponse deletePolicy(RequestContext ctx, DeleteBucketPolicyRequest request) {
        BucketRecord bucket = state.bucket(request.bucket());
        state.buckets.put(bucket.name(), bucket.withPolicy(null));
        return DeleteBucketPolicyResponse.builder().build();
    }
}
