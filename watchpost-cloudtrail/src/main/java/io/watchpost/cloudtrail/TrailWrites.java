package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingResponse;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingResponse;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse;

/** CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging. Writes happen in the trail's home region. */
final class TrailWrites {
    static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([^:]+):\\*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private final TrailTables tables;
    private final StateTable<TrailRecord> trails;
    private final StateTable<TrailSettings> settings;
    private final TrailLookup lookup;
    private final ObjectStore buckets;
    private final Clock clock;

    TrailWrites(TrailTables tables, TrailLookup lookup, ObjectStore buckets, Clock clock) {
        this.tables = requireNonNull(tables, "tables is null");
        this.trails = tables.trails();
        this.settings = tables.settings();
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.buckets = requireNonNull(buckets, "buckets is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    CreateTrailResponse create(RequestContext context, CreateTrailRequest request) {
        TrailRef ref = TrailRef.parse(request.name(), context.scope());
        if (ref instanceof TrailRef.ByArn) {
            throw new AwsException(AwsError.TRAIL_INVALID_NAME, "Trail name or ARN can only contain uppercase "
                    + "letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).");
        }
        String account = context.principal().accountId();
        boolean global = request.includeGlobalServiceEvents() == null || request.includeGlobalServiceEvents();
        checkGlobal(Boolean.TRUE.equals(request.isMultiRegionTrail()), global);
        checkNotOrganization(request.isOrganizationTrail());
        checkDelivery(request.s3BucketName(), request.s3KeyPrefix(), account, request.cloudWatchLogsLogGroupArn(),
                request.cloudWatchLogsRoleArn());
        TrailRecord trail = new TrailRecord(request.name(), account, context.region(), request.s3BucketName(),
                emptyToNull(request.s3KeyPrefix()), emptyToNull(request.snsTopicName()),
                global, Boolean.TRUE.equals(request.isMultiRegionTrail()),
                Boolean.TRUE.equals(request.enableLogFileValidation()),
                emptyToNull(request.cloudWatchLogsLogGroupArn()), emptyToNull(request.cloudWatchLogsRoleArn()),
                emptyToNull(request.kmsKeyId()), false, false, false, false, null, null);
        if (trails.putIfAbsent(ref.key(), trail).isPresent()) {
            throw new AwsException(AwsError.TRAIL_ALREADY_EXISTS,
                    "Trail " + request.name() + " already exists for customer: " + account);
        }
        settings.put(ref.key(), TrailSettings.defaults().withTags(TrailTags.toMap(request.tagsList())));
        return TrailViews.created(trail);
    }

    UpdateTrailResponse update(RequestContext context, UpdateTrailRequest request) {
        TrailLookup.Found found = lookup.home(context, request.name());
        TrailRecord old = found.trail();
        String bucket = request.s3BucketName() == null ? old.s3BucketName() : request.s3BucketName();
        String prefix = request.s3KeyPrefix() == null ? old.s3KeyPrefix() : emptyToNull(request.s3KeyPrefix());
        String group = request.cloudWatchLogsLogGroupArn() == null ? old.cloudWatchLogsLogGroupArn()
                : emptyToNull(request.cloudWatchLogsLogGroupArn());
        String role = request.cloudWatchLogsRoleArn() == null ? old.cloudWatchLogsRoleArn()
                : emptyToNull(request.cloudWatchLogsRoleArn());
        checkGlobal(orOld(request.isMultiRegionTrail(), old.multiRegionTrail()),
                orOld(request.includeGlobalServiceEvents(), old.includeGlobalServiceEvents()));
        checkNotOrganization(request.isOrganizationTrail());
        if (request.s3BucketName() != null || request.s3KeyPrefix() != null || request.cloudWatchLogsLogGroupArn() != null
                || request.cloudWatchLogsRoleArn() != null) {
            checkDelivery(bucket, prefix, old.accountId(), group, role);
        }
        TrailRecord trail = new TrailRecord(old.name(), old.accountId(), old.homeRegion(), bucket, prefix,
                request.snsTopicName() == null ? old.snsTopicName() : emptyToNull(request.snsTopicName()),
                orOld(request.includeGlobalServiceEvents(), old.includeGlobalServiceEvents()),
                orOld(request.isMultiRegionTrail(), old.multiRegionTrail()),
                orOld(request.enableLogFileValidation(), old.logFileValidationEnabled()), group, role,
                request.kmsKeyId() == null ? old.kmsKeyId() : emptyToNull(request.kmsKeyId()),
                old.hasCustomEventSelectors(), old.hasInsightSelectors(), false, old.logging(),
                old.startLoggingTime(), old.stopLoggingTime());
        trails.put(found.key(), trail);
        return TrailViews.updated(trail);
    }

    DeleteTrailResponse delete(RequestContext context, DeleteTrailRequest request) {
        TrailLookup.Found found = lookup.home(context, request.name());
        tables.removeTrail(found.key());
        return DeleteTrailResponse.builder().build();
    }

    StartLoggingResponse start(RequestContext context, StartLoggingRequest request) {
        TrailLookup.Found found = lookup.home(context, request.name());
        TrailRecord t = found.trail();
        if (!t.logging()) {
            trails.put(found.key(), withLogging(t, true, clock.millis(), t.stopLoggingTime()));
        }
        return StartLoggingResponse.builder().build();
    }

    StopLoggingResponse stop(RequestContext context, StopLoggingRequest request) {
        TrailLookup.Found found = lookup.home(context, request.name());
        TrailRecord t = found.trail();
        if (t.logging()) {
            trails.put(found.key(), withLogging(t, false, t.startLoggingTime(), clock.millis()));
        }
        return StopLoggingResponse.builder().build();
    }

    static TrailRecord withLogging(TrailRecord t, boolean logging, Long started, Long stopped) {
        return new TrailRecord(t.name(), t.accountId(), t.homeRegion(), t.s3BucketName(), t.s3KeyPrefix(),
                t.snsTopicName(), t.includeGlobalServiceEvents(), t.multiRegionTrail(), t.logFileValidationEnabled(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.kmsKeyId(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors(), t.organizationTrail(), logging, started, stopped);
    }

    static TrailRecord withSelectorFlags(TrailRecord t, boolean custom, boolean insights) {
        return new TrailRecord(t.name(), t.accountId(), t.homeRegion(), t.s3BucketName(), t.s3KeyPrefix(),
                t.snsTopicName(), t.includeGlobalServiceEvents(), t.multiRegionTrail(), t.logFileValidationEnabled(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.kmsKeyId(), custom, insights,
                t.organizationTrail(), t.logging(), t.startLoggingTime(), t.stopLoggingTime());
    }

    private void checkDelivery(String bucket, String prefix, String account, String group, String role) {
        if (bucket == null || bucket.isEmpty()) {
            throw new AwsException(AwsError.TRAIL_INVALID_PARAMETER, "S3BucketName cannot be null or empty.");
        }
        BucketPolicyCheck.check(buckets, bucket, emptyToNull(prefix), account);
        if (group != null && !LOG_GROUP_ARN.matcher(group).matches()) {
            throw new AwsException(AwsError.TRAIL_INVALID_CLOUDWATCH_LOGS_LOG_GROUP_ARN,
                    "CloudWatch Logs log group ARN is invalid: " + group);
        }
        if (group != null && (role == null || !ROLE_ARN.matcher(role).matches())) {
            throw new AwsException(AwsError.TRAIL_INVALID_CLOUDWATCH_LOGS_ROLE_ARN,
                    "You must specify a valid CloudWatch Logs role ARN with a CloudWatch Logs log group ARN.");
        }
        if (group == null && role != null) {
            throw new AwsException(AwsError.TRAIL_INVALID_CLOUDWATCH_LOGS_LOG_GROUP_ARN,
                    "You must specify a CloudWatch Logs log group ARN with a CloudWatch Logs role ARN.");
        }
    }

    /**
     * AWS refuses a multi-region trail that excludes global service events, before it looks at the bucket: the
     * parameters are checked before anything they name.
     */
    private static void checkGlobal(boolean multiRegion, boolean includeGlobal) {
        if (multiRegion && !includeGlobal) {
            throw new AwsException(AwsError.TRAIL_INVALID_PARAMETER_COMBINATION,
                    "Multi-Region trail must include global service events.");
        }
    }

    /**
     * A Watchpost account belongs to no AWS Organizations organization, so it gets the answer AWS gives a
     * standalone account that asks for an organization trail; {@code false} is the default and accepted.
     */
    private static void checkNotOrganization(Boolean organizationTrail) {
        if (Boolean.TRUE.equals(organizationTrail)) {
            throw new AwsException(AwsError.TRAIL_ORGANIZATIONS_NOT_IN_USE,
                    "Your account is not a member of an organization.");
        }
    }

    private static boolean orOld(Boolean given, boolean old) {
        return given == null ? old : given;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
