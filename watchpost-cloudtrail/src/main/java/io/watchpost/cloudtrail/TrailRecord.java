package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.util.Optional;

/**
 * A trail as persisted in the {@code trails} state table, keyed by {@code Scope(account, homeRegion).key(name)}.
 * Optional settings are {@code null} when not set (the journal stores plain JSON); logging times are epoch millis.
 * Written by CreateTrail/UpdateTrail/StartLogging/StopLogging, which land in a later issue.
 */
record TrailRecord(
        String name,
        String accountId,
        String homeRegion,
        String s3BucketName,
        String s3KeyPrefix,
        String snsTopicName,
        boolean includeGlobalServiceEvents,
        boolean multiRegionTrail,
        boolean logFileValidationEnabled,
        String cloudWatchLogsLogGroupArn,
        String cloudWatchLogsRoleArn,
        String kmsKeyId,
        boolean hasCustomEventSelectors,
        boolean hasInsightSelectors,
        boolean organizationTrail,
        boolean logging,
        Long startLoggingTime,
        Long stopLoggingTime) {
    TrailRecord {
        requireNonNull(name, "name is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(homeRegion, "homeRegion is null");
        requireNonNull(s3BucketName, "s3BucketName is null");
    }

    Scope homeScope() {
        return new Scope(accountId, homeRegion);
    }

    /** {@code arn:aws:cloudtrail:HOME_REGION:ACCOUNT:trail/NAME}. */
    String arn() {
        return homeScope().arn("cloudtrail", "trail/" + name).toString();
    }

    Optional<Long> loggingStarted() {
        return Optional.ofNullable(startLoggingTime);
    }

    Optional<Long> loggingStopped() {
        return Optional.ofNullable(stopLoggingTime);
    }
}
