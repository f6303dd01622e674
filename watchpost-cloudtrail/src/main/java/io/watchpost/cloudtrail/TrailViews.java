package io.watchpost.cloudtrail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/** Renders stored trails as the SDK shapes. */
final class TrailViews {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private TrailViews() {}

    /** AWS still answers the deprecated {@code SnsTopicName} next to {@code SnsTopicARN}. */
    @SuppressWarnings("deprecation")
    static Trail trail(TrailRecord record) {
        Trail.Builder trail = Trail.builder()
                .name(record.name())
                .s3BucketName(record.s3BucketName())
                .s3KeyPrefix(record.s3KeyPrefix())
                .includeGlobalServiceEvents(record.includeGlobalServiceEvents())
                .isMultiRegionTrail(record.multiRegionTrail())
                .homeRegion(record.homeRegion())
                .trailARN(record.arn())
                .logFileValidationEnabled(record.logFileValidationEnabled())
                .cloudWatchLogsLogGroupArn(record.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(record.cloudWatchLogsRoleArn())
                .kmsKeyId(record.kmsKeyId())
                .hasCustomEventSelectors(record.hasCustomEventSelectors())
                .hasInsightSelectors(record.hasInsightSelectors())
                .isOrganizationTrail(record.organizationTrail());
        if (record.snsTopicName() != null) {
            trail.snsTopicName(record.snsTopicName()).snsTopicARN(record.homeScope()
                    .arn("sns", record.snsTopicName()).toString());
        }
        return trail.build();
    }

    /** CreateTrail's answer: the trail as stored (AWS still answers the deprecated {@code SnsTopicName}). */
    @SuppressWarnings("deprecation")
    static software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse created(TrailRecord record) {
        Trail view = trail(record);
        return software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse.builder().name(view.name())
                .s3BucketName(view.s3BucketName()).s3KeyPrefix(view.s3KeyPrefix()).snsTopicName(view.snsTopicName())
                .snsTopicARN(view.snsTopicARN()).includeGlobalServiceEvents(view.includeGlobalServiceEvents())
                .isMultiRegionTrail(view.isMultiRegionTrail()).trailARN(view.trailARN())
                .logFileValidationEnabled(view.logFileValidationEnabled())
                .cloudWatchLogsLogGroupArn(view.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(view.cloudWatchLogsRoleArn()).kmsKeyId(view.kmsKeyId())
                .isOrganizationTrail(false).build();
    }

    /** UpdateTrail's answer, the same members as CreateTrail's. */
    @SuppressWarnings("deprecation")
    static software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse updated(TrailRecord record) {
        Trail view = trail(record);
        return software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse.builder().name(view.name())
                .s3BucketName(view.s3BucketName()).s3KeyPrefix(view.s3KeyPrefix()).snsTopicName(view.snsTopicName())
                .snsTopicARN(view.snsTopicARN()).includeGlobalServiceEvents(view.includeGlobalServiceEvents())
                .isMultiRegionTrail(view.isMultiRegionTrail()).trailARN(view.trailARN())
                .logFileValidationEnabled(view.logFileValidationEnabled())
                .cloudWatchLogsLogGroupArn(view.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(view.cloudWatchLogsRoleArn()).kmsKeyId(view.kmsKeyId())
                .isOrganizationTrail(false).build();
    }

    static TrailInfo info(TrailRecord record) {
        return TrailInfo.builder().trailARN(record.arn()).name(record.name()).homeRegion(record.homeRegion()).build();
    }

    /**
     * GetTrailStatus: AWS answers the attempt/succeeded/time-logging string members as empty strings until there
     * is something to report, and nothing has been delivered yet.
     */
    static GetTrailStatusResponse status(TrailRecord record, java.util.Optional<DeliveryState> delivery) {
        GetTrailStatusResponse.Builder status = GetTrailStatusResponse.builder()
                .isLogging(record.logging())
                .latestDeliveryAttemptTime("")
                .latestNotificationAttemptTime("")
                .latestNotificationAttemptSucceeded("")
                .latestDeliveryAttemptSucceeded("")
                .timeLoggingStarted("")
                .timeLoggingStopped("");
        record.loggingStarted().map(Instant::ofEpochMilli).ifPresent(started ->
                status.startLoggingTime(started).timeLoggingStarted(ISO_SECONDS.format(started)));
        record.loggingStopped().map(Instant::ofEpochMilli).ifPresent(stopped ->
                status.stopLoggingTime(stopped).timeLoggingStopped(ISO_SECONDS.format(stopped)));
        delivery.map(DeliveryState::lastDeliveryMillis).map(Instant::ofEpochMilli).ifPresent(at -> status
                .latestDeliveryTime(at).latestDeliveryAttemptTime(ISO_SECONDS.format(at))
                .latestDeliveryAttemptSucceeded(ISO_SECONDS.format(at)));
        delivery.map(DeliveryState::lastDigestMillis).map(Instant::ofEpochMilli).ifPresent(at ->
                status.latestDigestDeliveryTime(at));
        return status.build();
    }
}
