package io.watchpost.cloudtrail.recorder;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * How CloudTrail classifies the calls of the services Watchpost hosts: a management event (the default, shown in
 * Event history and LookupEvents), a data event of a resource type (recorded, delivered only by trails that select
 * data events, never shown by LookupEvents), or not logged at all. Sources, as of 2025:
 * <ul>
 *   <li>CloudWatch data events on {@code AWS::CloudWatch::Metric}: GetMetricData, GetMetricWidgetImage,
 *       PutMetricData, GetMetricStatistics, ListMetrics (CloudWatch User Guide, "CloudWatch data events in
 *       CloudTrail").</li>
 *   <li>X-Ray data events on {@code AWS::XRay::Trace}: PutTraceSegments, GetTraceSummaries, GetTraceGraph,
 *       GetServiceGraph, BatchGetTraces, GetTimeSeriesServiceStatistics, PutTelemetryRecords, GetSamplingTargets
 *       (X-Ray Developer Guide, "X-Ray data events in CloudTrail").</li>
 *   <li>CloudWatch Logs: GetLogEvents, PutLogEvents and FilterLogEvents "are not supported" (CloudWatch Logs User
 *       Guide, "CloudWatch Logs information in CloudTrail"); the CloudTrail data-event resource table lists no Logs
 *       type.</li>
 *   <li>EventBridge: PutEvents and PutPartnerEvents are absent from the actions EventBridge logs (CloudWatch Events
 *       User Guide), and the data-event resource table lists no Events type.</li>
 *   <li>S3 (the bucket subset) data events on {@code AWS::S3::Object}: the object-level operations — object reads,
 *       writes, deletes, copies, multipart uploads and object listings (S3 User Guide, "Amazon S3 CloudTrail
 *       events"; "object-level API activity (for example, GetObject, DeleteObject, and PutObject)"); bucket-level
 *       calls (CreateBucket, DeleteBucket, ListBuckets, bucket policy, location) stay management events.</li>
 *   <li>Schemas and CloudTrail itself: management events only.</li>
 * </ul>
 */
public final class EventCategories {
    /** What CloudTrail does with one call. */
    public sealed interface Category {
        /** A management event: in Event history and LookupEvents. */
        record Management() implements Category {}

        /** A data event on {@code resourceType} (the record's {@code resources[0].type}). */
        record Data(String resourceType) implements Category {
            public Data {
                requireNonNull(resourceType, "resourceType is null");
            }
        }

        /** Not logged by CloudTrail at all. */
        record NotLogged() implements Category {}
    }

    public static final Category MANAGEMENT = new Category.Management();
    public static final Category NOT_LOGGED = new Category.NotLogged();

    private static final Category METRIC = new Category.Data("AWS::CloudWatch::Metric");
    private static final Category TRACE = new Category.Data("AWS::XRay::Trace");
    private static final Category OBJECT = new Category.Data("AWS::S3::Object");

    private static final Map<String, Map<String, Category>> TABLE = Map.of(
            "monitoring.amazonaws.com", all(METRIC, "GetMetricData", "GetMetricWidgetImage", "PutMetricData",
                    "GetMetricStatistics", "ListMetrics"),
            "xray.amazonaws.com", all(TRACE, "PutTraceSegments", "GetTraceSummaries", "GetTraceGraph",
                    "GetServiceGraph", "BatchGetTraces", "GetTimeSeriesServiceStatistics", "PutTelemetryRecords",
                    "GetSamplingTargets"),
            "logs.amazonaws.com", all(NOT_LOGGED, "GetLogEvents", "PutLogEvents", "FilterLogEvents"),
            "events.amazonaws.com", all(NOT_LOGGED, "PutEvents", "PutPartnerEvents"),
            "s3.amazonaws.com", all(OBJECT, "GetObject", "HeadObject", "PutObject", "DeleteObject", "DeleteObjects",
                    "CopyObject", "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload",
                    "AbortMultipartUpload", "ListParts", "ListMultipartUploads", "ListObjects", "ListObjectsV2"));

    private EventCategories() {}

    /** The category of {@code eventName} of {@code eventSource}; management unless the table says otherwise. */
    public static Category of(String eventSource, String eventName) {
        Map<String, Category> bySource = TABLE.get(eventSource);
        if (bySource == null) {
            return MANAGEMENT;
        }
        return bySource.getOrDefault(eventName, MANAGEMENT);
    }

    private static Map<String, Category> all(Category category, String... names) {
        return Set.of(names).stream().collect(java.util.stream.Collectors.toUnmodifiableMap(n -> n, n -> category));
    }
}
