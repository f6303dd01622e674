package io.watchpost.wire.auth;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.codec.FormParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SigV4 elements of a request, from the {@code Authorization} header or a presigned URL's query:
 * credential scope ({@code AKID/yyyymmdd/region/service/aws4_request}), signed headers, signature, date. S3 also
 * still takes Signature Version 2 ({@code Authorization: AWS AKID:signature}, or a URL with {@code AWSAccessKeyId},
 * {@code Signature} and {@code Expires}, what boto3 presigns for S3 by default): those have {@code sigV2} set,
 * service {@code s3}, no scope date or region, and {@code expires} in epoch seconds.
 */
public record SignedRequest(String accessKeyId, String scopeDate, String region, String service,
        List<String> signedHeaders, String signature, String amzDate, boolean presigned, Optional<String> expires,
        boolean sigV2) {
    public SignedRequest(String accessKeyId, String scopeDate, String region, String service,
            List<String> signedHeaders, String signature, String amzDate, boolean presigned,
            Optional<String> expires) {
        this(accessKeyId, scopeDate, region, service, signedHeaders, signature, amzDate, presigned, expires, false);
    }

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    public String credentialScope() {
        return scopeDate + '/' + region + '/' + service + "/aws4_request";
    }

    /** Empty when the request carries no SigV4 at all; an error when it carries a malformed one. */
    public static Optional<SignedRequest> parse(WireRequest request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent() && authorization.get().startsWith("AWS ")) {
            return Optional.of(fromV2Header(authorization.get().substring(4)));
        }
        if (authorization.isPresent()) {
            return Optional.of(fromHeader(authorization.get(), request));
        }
        if (request.rawQuery().contains("X-Amz-Signature=")) {
            return Optional.of(fromQuery(FormParameters.parse(request.rawQuery())));
        }
        if (request.rawQuery().contains("AWSAccessKeyId=") && request.rawQuery().contains("Signature=")) {
            Map<String, String> query = FormParameters.parse(request.rawQuery());
            String key = query.get("AWSAccessKeyId");
            String signature = query.get("Signature");
            String expires = query.get("Expires");
            if (key == null || key.isEmpty() || signature == null || expires == null) {
                throw incomplete("Query-string authentication requires the Signature, Expires and AWSAccessKeyId "
                        + "parameters");
            }
            return Optional.of(new SignedRequest(key, "", "", "s3", List.of(), signature, "", true,
                    Optional.of(expires), true));
        }
        return Optional.empty();
    }

    /** {@code AWS AKID:signature}. */
    private static SignedRequest fromV2Header(String credentials) {
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw incomplete("Authorization header is invalid -- one and only one ' ' (space) required");
        }
        return new SignedRequest(credentials.substring(0, colon).trim(), "", "", "s3", List.of(),
                credentials.substring(colon + 1).trim(), "", false, Optional.empty(), true);
    }

    private static SignedRequest fromHeader(String header, WireRequest request) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            switch (pair[0]) {
                case "Credential" -> credential = pair[1];
                case "SignedHeaders" -> signedHeaders = pair[1];
                case "Signature" -> signature = pair[1];
                default -> { }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' "
                    + "parameters. Authorization=" + header);
        }
        String amzDate = request.header("X-Amz-Date").orElse("");
        return build(credential, signedHeaders, signature, amzDate, false, Optional.empty());
    }

    private static SignedRequest fromQuery(Map<String, String> query) {
        String credential = query.get("X-Amz-Credential");
        String signedHeaders = query.get("X-Amz-SignedHeaders");
        String signature = query.get("X-Amz-Signature");
        if (credential == null || signedHeaders == null || signature == null || !ALGORITHM.equals(
                query.get("X-Amz-Algorithm"))) {
            throw incomplete("AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
                    + "'X-Amz-Signature', 'X-Amz-SignedHeaders'.");
        }
        return build(credential, signedHeaders, signature, query.getOrDefault("X-Amz-Date", ""), true,
                Optional.ofNullable(query.get("X-Amz-Expires")));
    }

    private static SignedRequest build(String credential, String signedHeaders, String signature, String amzDate,
            boolean presigned, Optional<String> expires) {
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
            throw incomplete("Credential should be scoped to a valid region. ");
        }
        return new SignedRequest(scope[0], scope[1], scope[2], scope[3],
                Arrays.asList(signedHeaders.toLowerCase(java.util.Locale.ROOT).split(";")), signature, amzDate,
                presigned, expires);
    }

    private static AwsException incomplete(String message) {
        return new AwsException(AwsError.INCOMPLETE_SIGNATURE, message);
    }
}
