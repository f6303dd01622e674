package io.watchpost.core;

/**
 * The one table of AWS errors Watchpost answers with: each entry is a code exactly as clients see it, its HTTP
 * status and whether the caller ({@link Fault#SENDER}) or the service ({@link Fault#RECEIVER}) is at fault.
 * Codes never change meaning; several services share a code only where AWS's own clients see the same thing.
 * Services pick the entry of their own service (AWS spells similar errors differently per service).
 */
public enum AwsError {
    // Protocol, routing and authentication: every service.
    INTERNAL_FAILURE("InternalFailure", 500, Fault.RECEIVER),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, Fault.RECEIVER),
    NOT_IMPLEMENTED("NotImplemented", 501, Fault.RECEIVER),
    SERIALIZATION("SerializationException", 400, Fault.SENDER),
    UNKNOWN_OPERATION("UnknownOperationException", 404, Fault.SENDER),
    INVALID_ACTION("InvalidAction", 400, Fault.SENDER),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404, Fault.SENDER),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413, Fault.SENDER),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, Fault.SENDER),
    MISSING_AUTHENTICATION_TOKEN_EXCEPTION("MissingAuthenticationTokenException", 403, Fault.SENDER),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, Fault.SENDER),
    INCOMPLETE_SIGNATURE_EXCEPTION("IncompleteSignatureException", 400, Fault.SENDER),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, Fault.SENDER),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 400, Fault.SENDER),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, Fault.SENDER),
    INVALID_SIGNATURE_EXCEPTION("InvalidSignatureException", 400, Fault.SENDER),
    /** restJson1 services (X-Ray, Schemas) answer an unknown key and a bad signature with 403. */
    UNRECOGNIZED_CLIENT_REST("UnrecognizedClientException", 403, Fault.SENDER),
    INVALID_SIGNATURE_REST("InvalidSignatureException", 403, Fault.SENDER),
    /** S3 names an unknown key its own way. */
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, Fault.SENDER),

    // CloudWatch (awsQuery codes; the JSON and CBOR protocols carry them in x-amzn-query-error).
    CW_INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, Fault.SENDER),
    CW_INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, Fault.SENDER),
    CW_MISSING_PARAMETER("MissingParameter", 400, Fault.SENDER),
    CW_INVALID_PARAMETER_INPUT("InvalidParameterInput", 400, Fault.SENDER),
    // Request validation against the model (lengths, patterns, required members), as the awsQuery "ValidationError".
    CW_VALIDATION_ERROR("ValidationError", 400, Fault.SENDER),
    CW_RESOURCE_NOT_FOUND("ResourceNotFound", 404, Fault.SENDER),
    CW_RESOURCE_NOT_FOUND_EXCEPTION("ResourceNotFoundException", 404, Fault.SENDER),
    CW_INVALID_NEXT_TOKEN("InvalidNextToken", 400, Fault.SENDER),
    CW_LIMIT_EXCEEDED("LimitExceeded", 400, Fault.SENDER),
    CW_LIMIT_EXCEEDED_EXCEPTION("LimitExceededException", 400, Fault.SENDER),
    CW_INVALID_FORMAT("InvalidFormat", 400, Fault.SENDER),
    CW_CONCURRENT_MODIFICATION("ConcurrentModificationException", 429, Fault.SENDER),
    CW_CONFLICT("ConflictException", 400, Fault.SENDER),
    CW_INTERNAL_SERVICE_ERROR("InternalServiceError", 500, Fault.RECEIVER),

    // CloudWatch Logs.
    LOGS_INVALID_PARAMETER("InvalidParameterException", 400, Fault.SENDER),
    LOGS_RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, Fault.SENDER),
    LOGS_RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400, Fault.SENDER),
    LOGS_LIMIT_EXCEEDED("LimitExceededException", 400, Fault.SENDER),
    LOGS_OPERATION_ABORTED("OperationAbortedException", 400, Fault.SENDER),
    LOGS_VALIDATION("ValidationException", 400, Fault.SENDER),
    LOGS_MALFORMED_QUERY("MalformedQueryException", 400, Fault.SENDER),
    LOGS_CONFLICT("ConflictException", 400, Fault.SENDER),
    // Recorded for PutSubscriptionFilter to a Lambda function of another account.
    LOGS_ACCESS_DENIED("AccessDeniedException", 400, Fault.SENDER),
    // CancelExportTask of a finished task (botocore logs model; moto quotes the message).
    LOGS_INVALID_OPERATION("InvalidOperationException", 400, Fault.SENDER),
    // TagResource beyond 50 tags (botocore logs model).
    LOGS_TOO_MANY_TAGS("TooManyTagsException", 400, Fault.SENDER),

    // EventBridge.
    EVENTS_RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, Fault.SENDER),
    EVENTS_RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400, Fault.SENDER),
    EVENTS_VALIDATION("ValidationException", 400, Fault.SENDER),
    EVENTS_LIMIT_EXCEEDED("LimitExceededException", 400, Fault.SENDER),
    EVENTS_INVALID_EVENT_PATTERN("InvalidEventPatternException", 400, Fault.SENDER),
    EVENTS_CONCURRENT_MODIFICATION("ConcurrentModificationException", 400, Fault.SENDER),
    EVENTS_ILLEGAL_STATUS("IllegalStatusException", 400, Fault.SENDER),
    // Activate/DeactivateEventSource of a partner event source in the wrong state (botocore events model).
    EVENTS_INVALID_STATE("InvalidStateException", 400, Fault.SENDER),
    EVENTS_MANAGED_RULE("ManagedRuleException", 400, Fault.SENDER),
    EVENTS_INTERNAL("InternalException", 500, Fault.RECEIVER),

    // Schemas (restJson1).
    SCHEMAS_BAD_REQUEST("BadRequestException", 400, Fault.SENDER),
    SCHEMAS_CONFLICT("ConflictException", 409, Fault.SENDER),
    SCHEMAS_NOT_FOUND("NotFoundException", 404, Fault.SENDER),
    SCHEMAS_FORBIDDEN("ForbiddenException", 403, Fault.SENDER),

    // X-Ray (restJson1).
    XRAY_INVALID_REQUEST("InvalidRequestException", 400, Fault.SENDER),
    XRAY_RULE_LIMIT_EXCEEDED("RuleLimitExceededException", 400, Fault.SENDER),
    XRAY_RESOURCE_NOT_FOUND("ResourceNotFoundException", 404, Fault.SENDER),
    XRAY_THROTTLED("ThrottledException", 429, Fault.SENDER),
    XRAY_TOO_MANY_TAGS("TooManyTagsException", 400, Fault.SENDER),
    XRAY_INVALID_POLICY_REVISION_ID("InvalidPolicyRevisionIdException", 400, Fault.SENDER),
    XRAY_MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocumentException", 400, Fault.SENDER),
    XRAY_POLICY_COUNT_LIMIT_EXCEEDED("PolicyCountLimitExceededException", 400, Fault.SENDER),
    XRAY_POLICY_SIZE_LIMIT_EXCEEDED("PolicySizeLimitExceededException", 400, Fault.SENDER),

    // CloudTrail.
    TRAIL_NOT_FOUND("TrailNotFoundException", 400, Fault.SENDER),
    TRAIL_INVALID_NAME("InvalidTrailNameException", 400, Fault.SENDER),
    TRAIL_INVALID_NEXT_TOKEN("InvalidNextTokenException", 400, Fault.SENDER),
    TRAIL_INVALID_LOOKUP_ATTRIBUTES("InvalidLookupAttributesException", 400, Fault.SENDER),
    TRAIL_INVALID_MAX_RESULTS("InvalidMaxResultsException", 400, Fault.SENDER),
    TRAIL_INVALID_EVENT_CATEGORY("InvalidEventCategoryException", 400, Fault.SENDER),
    TRAIL_INVALID_TIME_RANGE("InvalidTimeRangeException", 400, Fault.SENDER),
    TRAIL_ALREADY_EXISTS("TrailAlreadyExistsException", 400, Fault.SENDER),
    TRAIL_S3_BUCKET_DOES_NOT_EXIST("S3BucketDoesNotExistException", 400, Fault.SENDER),
    TRAIL_INSUFFICIENT_S3_BUCKET_POLICY("InsufficientS3BucketPolicyException", 403, Fault.SENDER),
    TRAIL_INVALID_CLOUDWATCH_LOGS_LOG_GROUP_ARN("InvalidCloudWatchLogsLogGroupArnException", 400, Fault.SENDER),
    TRAIL_INVALID_CLOUDWATCH_LOGS_ROLE_ARN("InvalidCloudWatchLogsRoleArnException", 400, Fault.SENDER),
    TRAIL_INVALID_PARAMETER_COMBINATION("InvalidParameterCombinationException", 400, Fault.SENDER),
    TRAIL_INVALID_EVENT_SELECTORS("InvalidEventSelectorsException", 400, Fault.SENDER),
    TRAIL_INVALID_INSIGHT_SELECTORS("InvalidInsightSelectorsException", 400, Fault.SENDER),
    TRAIL_INSIGHT_NOT_ENABLED("InsightNotEnabledException", 400, Fault.SENDER),
    TRAIL_INVALID_TAG_PARAMETER("InvalidTagParameterException", 400, Fault.SENDER),
    TRAIL_TAGS_LIMIT_EXCEEDED("TagsLimitExceededException", 400, Fault.SENDER),
    TRAIL_INVALID_PARAMETER("InvalidParameterException", 400, Fault.SENDER),
    TRAIL_ORGANIZATIONS_NOT_IN_USE("OrganizationsNotInUseException", 400, Fault.SENDER),

    // S3 (bucket subset): REST-XML <Error><Code>; HEAD answers carry the status only.
    S3_NO_SUCH_BUCKET("NoSuchBucket", 404, Fault.SENDER),
    S3_NO_SUCH_KEY("NoSuchKey", 404, Fault.SENDER),
    S3_NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, Fault.SENDER),
    S3_BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, Fault.SENDER),
    S3_BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409, Fault.SENDER),
    S3_BUCKET_NOT_EMPTY("BucketNotEmpty", 409, Fault.SENDER),
    S3_INVALID_BUCKET_NAME("InvalidBucketName", 400, Fault.SENDER),
    S3_INVALID_LOCATION_CONSTRAINT("InvalidLocationConstraint", 400, Fault.SENDER),
    S3_ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException", 400, Fault.SENDER),
    S3_MALFORMED_POLICY("MalformedPolicy", 400, Fault.SENDER),
    S3_MALFORMED_XML("MalformedXML", 400, Fault.SENDER),
    S3_INVALID_ARGUMENT("InvalidArgument", 400, Fault.SENDER),
    S3_INVALID_REQUEST("InvalidRequest", 400, Fault.SENDER),
    S3_INVALID_RANGE("InvalidRange", 416, Fault.SENDER),
    S3_BAD_DIGEST("BadDigest", 400, Fault.SENDER),
    S3_INVALID_DIGEST("InvalidDigest", 400, Fault.SENDER),
    S3_KEY_TOO_LONG("KeyTooLongError", 400, Fault.SENDER),
    S3_NO_SUCH_UPLOAD("NoSuchUpload", 404, Fault.SENDER),
    S3_INVALID_PART("InvalidPart", 400, Fault.SENDER),
    S3_INVALID_PART_ORDER("InvalidPartOrder", 400, Fault.SENDER),
    S3_ENTITY_TOO_SMALL("EntityTooSmall", 400, Fault.SENDER),
    S3_ENTITY_TOO_LARGE("EntityTooLarge", 400, Fault.SENDER),
    S3_SLOW_DOWN("SlowDown", 503, Fault.RECEIVER),
    S3_INVALID_STORAGE_CLASS("InvalidStorageClass", 400, Fault.SENDER);

    /** Who is at fault: AWS's {@code Sender} (client) or {@code Receiver} (server). */
    public enum Fault { SENDER, RECEIVER }

    private final String code;
    private final int httpStatus;
    private final Fault fault;

    AwsError(String code, int httpStatus, Fault fault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Fault fault() {
        return fault;
    }
}
