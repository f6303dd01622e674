package io.watchpost.cloudtrail;

import static io.watchpost.cloudtrail.Harness.ACCOUNT;
import static io.watchpost.cloudtrail.Harness.REGION;
import static io.watchpost.cloudtrail.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.InsightSelector;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse;

class TrailWritesTest {
    private static final String ARN = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/audit";
    @TempDir
    Path dir;
    private Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir);
        h.buckets.createBucket("logs-bucket", new Scope(ACCOUNT, REGION));
        h.buckets.putBucketPolicy("logs-bucket", MemoryObjectStore.cloudTrailPolicy("logs-bucket", null, ACCOUNT));
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private CreateTrailResponse create(String name) {
        return h.call(CreateTrailRequest.builder().name(name).s3BucketName("logs-bucket")
                .tagsList(Tag.builder().key("team").value("ops").build()).build());
    }

    @Test
    void createsWithAwsDefaultsAndSurvivesRestart() throws Exception {
        CreateTrailResponse created = create("audit");
        assertThat(created.trailARN()).isEqualTo(ARN);
        assertThat(created.includeGlobalServiceEvents()).isTrue();
        assertThat(created.isMultiRegionTrail()).isFalse();
        assertThat(created.logFileValidationEnabled()).isFalse();
        h.reopen();
        GetTrailResponse got = h.call(GetTrailRequest.builder().name("audit").build());
        assertThat(got.trail().s3BucketName()).isEqualTo("logs-bucket");
        assertThat(got.trail().hasCustomEventSelectors()).isFalse();
        GetTrailStatusResponse status = h.call(GetTrailStatusRequest.builder().name("audit").build());
        assertThat(status.isLogging()).isFalse();
    }

    @Test
    void checksParameterCombinationsBeforeTheBucketAndRefusesOrganizationTrails() {
        // The bucket does not exist: the parameter errors come first and nothing is created.
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("audit").s3BucketName("nope")
                        .isMultiRegionTrail(true).includeGlobalServiceEvents(false).build()),
                AwsError.TRAIL_INVALID_PARAMETER_COMBINATION, "Multi-Region trail must include global service events.");
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("audit").s3BucketName("nope")
                        .isOrganizationTrail(true).build()),
                AwsError.TRAIL_ORGANIZATIONS_NOT_IN_USE, "Your account is not a member of an organization.");
        assertAwsError(() -> h.call(GetTrailRequest.builder().name("audit").build()), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: audit for the user: " + ACCOUNT);

        create("audit");
        assertAwsError(() -> h.call(UpdateTrailRequest.builder().name("audit").s3BucketName("nope")
                        .isMultiRegionTrail(true).includeGlobalServiceEvents(false).build()),
                AwsError.TRAIL_INVALID_PARAMETER_COMBINATION, "Multi-Region trail must include global service events.");
        assertAwsError(() -> h.call(UpdateTrailRequest.builder().name("audit").isOrganizationTrail(true).build()),
                AwsError.TRAIL_ORGANIZATIONS_NOT_IN_USE, "Your account is not a member of an organization.");
        // An explicit false is the default and is accepted.
        assertThat(h.<UpdateTrailResponse>call(UpdateTrailRequest.builder().name("audit").isOrganizationTrail(false)
                .build()).isOrganizationTrail()).isFalse();
        assertThat(h.<GetTrailResponse>call(GetTrailRequest.builder().name("audit").build()).trail().s3BucketName())
                .isEqualTo("logs-bucket");
    }

    @Test
    void refusesDuplicatesMissingBucketsAndBadPolicies() {
        create("audit");
        assertAwsError(() -> create("audit"), AwsError.TRAIL_ALREADY_EXISTS,
                "Trail audit already exists for customer: " + ACCOUNT);
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("other").s3BucketName("nope").build()),
                AwsError.TRAIL_S3_BUCKET_DOES_NOT_EXIST, "S3 bucket nope does not exist!");
        h.buckets.createBucket("open-bucket", new Scope(ACCOUNT, REGION));
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("other").s3BucketName("open-bucket").build()),
                AwsError.TRAIL_INSUFFICIENT_S3_BUCKET_POLICY,
                "Incorrect S3 bucket policy is detected for bucket: open-bucket");
        // The policy covers AWSLogs/ at the root, not under a prefix.
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("other").s3BucketName("logs-bucket")
                .s3KeyPrefix("custom").build()), AwsError.TRAIL_INSUFFICIENT_S3_BUCKET_POLICY,
                "Incorrect S3 bucket policy is detected for bucket: logs-bucket");
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("ab").s3BucketName("logs-bucket").build()),
                AwsError.TRAIL_INVALID_NAME, "Trail name too short. Minimum allowed length: 3 characters. "
                        + "Specified name length: 2 characters.");
        assertAwsError(() -> h.call(CreateTrailRequest.builder().name("multi").s3BucketName("logs-bucket")
                .isMultiRegionTrail(true).includeGlobalServiceEvents(false).build()),
                AwsError.TRAIL_INVALID_PARAMETER_COMBINATION, "Multi-Region trail must include global service events.");
    }

    @Test
    void updatesStartsStopsAndDeletes() {
        create("audit");
        h.call(UpdateTrailRequest.builder().name(ARN).isMultiRegionTrail(true).enableLogFileValidation(true)
                .kmsKeyId("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/k1").build());
        GetTrailResponse got = h.call(GetTrailRequest.builder().name("audit").build());
        assertThat(got.trail().isMultiRegionTrail()).isTrue();
        assertThat(got.trail().logFileValidationEnabled()).isTrue();
        assertThat(got.trail().kmsKeyId()).endsWith(":key/k1");
        h.call(StartLoggingRequest.builder().name("audit").build());
        h.clock.advance(Duration.ofMinutes(1));
        h.call(StopLoggingRequest.builder().name("audit").build());
        GetTrailStatusResponse status = h.call(GetTrailStatusRequest.builder().name("audit").build());
        assertThat(status.isLogging()).isFalse();
        assertThat(status.startLoggingTime()).isEqualTo(Harness.START);
        assertThat(status.stopLoggingTime()).isEqualTo(Harness.START.plus(Duration.ofMinutes(1)));
        h.call(DeleteTrailRequest.builder().name("audit").build());
        assertAwsError(() -> h.call(DeleteTrailRequest.builder().name("audit").build()), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: " + ARN + " for the user: " + ACCOUNT);
    }

    @Test
    void eventSelectorsBasicAndAdvanced() {
        create("audit");
        GetEventSelectorsResponse initial = h.call(GetEventSelectorsRequest.builder().trailName("audit").build());
        assertThat(initial.eventSelectors()).singleElement().satisfies(s -> {
            assertThat(s.readWriteTypeAsString()).isEqualTo("All");
            assertThat(s.includeManagementEvents()).isTrue();
        });
        h.call(PutEventSelectorsRequest.builder().trailName("audit").eventSelectors(EventSelector.builder()
                .readWriteType("WriteOnly").build()).build());
        assertThat(((GetTrailResponse) h.call(GetTrailRequest.builder().name("audit").build())).trail()
                .hasCustomEventSelectors()).isTrue();
        h.call(PutEventSelectorsRequest.builder().trailName("audit").advancedEventSelectors(AdvancedEventSelector
                .builder().name("mgmt").fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory")
                        .equalsValue("Management").build()).build()).build());
        GetEventSelectorsResponse advanced = h.call(GetEventSelectorsRequest.builder().trailName("audit").build());
        assertThat(advanced.advancedEventSelectors()).singleElement()
                .satisfies(s -> assertThat(s.fieldSelectors().getFirst().equalsValue()).containsExactly("Management"));
        assertThat(advanced.hasEventSelectors()).isFalse();
        assertAwsError(() -> h.call(PutEventSelectorsRequest.builder().trailName("audit")
                        .eventSelectors(EventSelector.builder().build())
                        .advancedEventSelectors(AdvancedEventSelector.builder().build()).build()),
                AwsError.TRAIL_INVALID_PARAMETER_COMBINATION,
                "You cannot specify both EventSelectors and AdvancedEventSelectors in a request.");
        assertAwsError(() -> h.call(PutEventSelectorsRequest.builder().trailName("audit").eventSelectors(
                EventSelector.builder().readWriteType("Sometimes").build()).build()),
                AwsError.TRAIL_INVALID_EVENT_SELECTORS, "Invalid ReadWriteType: Sometimes");
    }

    @Test
    void insightSelectorsAndTags() {
        create("audit");
        assertAwsError(() -> h.call(GetInsightSelectorsRequest.builder().trailName("audit").build()),
                AwsError.TRAIL_INSIGHT_NOT_ENABLED, "Trail " + ARN + " does not have Insights enabled.");
        h.call(PutInsightSelectorsRequest.builder().trailName("audit").insightSelectors(InsightSelector.builder()
                .insightType("ApiCallRateInsight").build()).build());
        assertThat(((GetTrailResponse) h.call(GetTrailRequest.builder().name("audit").build())).trail()
                .hasInsightSelectors()).isTrue();
        h.call(AddTagsRequest.builder().resourceId(ARN).tagsList(Tag.builder().key("env").value("prod").build())
                .build());
        h.call(RemoveTagsRequest.builder().resourceId(ARN).tagsList(Tag.builder().key("team").build()).build());
        ListTagsResponse tags = h.call(ListTagsRequest.builder().resourceIdList(List.of(ARN)).build());
        assertThat(tags.resourceTagList()).singleElement().satisfies(r -> {
            assertThat(r.resourceId()).isEqualTo(ARN);
            assertThat(r.tagsList()).containsExactly(Tag.builder().key("env").value("prod").build());
        });
    }
}
