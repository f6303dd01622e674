package io.watchpost.cloudtrail.recorder;

import static io.watchpost.cloudtrail.recorder.RecorderFixture.ACCOUNT;
import static io.watchpost.cloudtrail.recorder.RecorderFixture.ALICE;
import static io.watchpost.cloudtrail.recorder.RecorderFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.port.ApiCallRecorder.ApiCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    RecorderFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new RecorderFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private JsonNode only() throws Exception {
        List<StoredEvent> events = fixture.all();
        assertThat(events).hasSize(1);
        return JSON.readTree(events.getFirst().json());
    }

    @Test
    void managementWriteCallHasEveryFieldInAwsOrder() throws Exception {
        fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"app\"}", "{\"x\":1}");
        JsonNode record = only();

        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements", "requestID",
                "eventID", "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory");
        assertThat(record.get("eventVersion").asText()).isEqualTo("1.11");
        JsonNode identity = record.get("userIdentity");
        assertThat(identity.get("type").asText()).isEqualTo("IAMUser");
        assertThat(identity.get("principalId").asText()).matches("AIDA[A-Z2-7]{17}");
        assertThat(identity.get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(identity.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(identity.get("accessKeyId").asText()).isEqualTo(ALICE.accessKeyId());
        assertThat(identity.get("userName").asText()).isEqualTo("alice");
        assertThat(record.get("eventTime").asText()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(record.get("eventSource").asText()).isEqualTo("logs.amazonaws.com");
        assertThat(record.get("eventName").asText()).isEqualTo("CreateLogGroup");
        assertThat(record.get("awsRegion").asText()).isEqualTo(REGION);
        assertThat(record.get("sourceIPAddress").asText()).isEqualTo("203.0.113.7");
        assertThat(record.get("userAgent").asText()).isEqualTo("aws-cli/2.22.0 Python/3.12.6");
        assertThat(record.get("requestParameters").get("logGroupName").asText()).isEqualTo("app");
        assertThat(record.get("responseElements").get("x").asInt()).isEqualTo(1);
        assertThat(record.get("requestID").asText()).isEqualTo("req-1");
        assertThat(record.get("eventID").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(record.get("readOnly").asBoolean()).isFalse();
        assertThat(record.get("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(record.get("managementEvent").asBoolean()).isTrue();
        assertThat(record.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(record.get("eventCategory").asText()).isEqualTo("Management");
        assertThat(record.has("tlsDetails")).isFalse();
    }

    @Test
    void readOnlyCallOmitsResponseElements() throws Exception {
        fixture.call("logs.amazonaws.com", "DescribeLogGroups", true, "{\"limit\":5}", "{\"logGroups\":[]}");
        JsonNode record = only();
        assertThat(record.get("responseElements").isNull()).isTrue();
        assertThat(record.get("readOnly").asBoolean()).isTrue();
        assertThat(record.get("requestParameters").get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void callWithoutParametersHasNullRequestParameters() throws Exception {
        fixture.call("cloudtrail.amazonaws.com", "DescribeTrails", true, null, null);
        assertThat(only().get("requestParameters").isNull()).isTrue();
    }

    @Test
    void failedCallCarriesErrorCodeAndMessageBeforeTheParameters() throws Exception {
        var ctx = RecorderFixture.context(ALICE, REGION, "DeleteLogGroup", fixture.clock.instant());
        fixture.recorder().record(new ApiCall(ctx, "logs.amazonaws.com", false,
                () -> Optional.of("{\"logGroupName\":\"nope\"}"), () -> Optional.of("{}"),
                Optional.of("ResourceNotFoundException"), Optional.of("The specified log group does not exist.")));
        JsonNode record = only();
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsSubsequence("userAgent", "errorCode", "errorMessage", "requestParameters");
        assertThat(record.get("errorCode").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(record.get("errorMessage").asText()).isEqualTo("The specified log group does not exist.");
        assertThat(record.get("responseElements").isNull()).isTrue();
    }

    @Test
    void dataEventsNameTheirResourceTypeAndAreNotManagementEvents() throws Exception {
        fixture.call("monitoring.amazonaws.com", "PutMetricData", false, "{\"namespace\":\"App\"}", null);
        fixture.call("xray.amazonaws.com", "PutTraceSegments", false, "{}", "{\"unprocessedTraceSegments\":[]}");
        List<StoredEvent> events = fixture.all();
        assertThat(events).hasSize(2);
        JsonNode metric = JSON.readTree(events.get(0).json());
        assertThat(metric.get("resources").get(0).get("type").asText()).isEqualTo("AWS::CloudWatch::Metric");
        assertThat(metric.get("managementEvent").asBoolean()).isFalse();
        assertThat(metric.get("eventCategory").asText()).isEqualTo("Data");
        JsonNode trace = JSON.readTree(events.get(1).json());
        assertThat(trace.get("resources").get(0).get("type").asText()).isEqualTo("AWS::XRay::Trace");
        assertThat(trace.get("responseElements").get("unprocessedTraceSegments").isArray()).isTrue();
        assertThat(events).allSatisfy(e -> assertThat(e.key().management()).isFalse());
    }

    @Test
    void s3ObjectCallsAreDataEventsAndBucketCallsManagementEvents() throws Exception {
        fixture.call("s3.amazonaws.com", "PutObject", false, "{\"bucketName\":\"b\",\"key\":\"k\"}", "{}");
        fixture.call("s3.amazonaws.com", "ListObjectsV2", true, "{\"bucketName\":\"b\"}", "{}");
        fixture.call("s3.amazonaws.com", "CreateBucket", false, "{\"bucketName\":\"b\"}", "{}");
        List<StoredEvent> events = fixture.all();
        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> JSON.readTree(e.json()).get("eventCategory").asText())
                .containsExactly("Data", "Data", "Management");
        assertThat(JSON.readTree(events.get(0).json()).get("resources").get(0).get("type").asText())
                .isEqualTo("AWS::S3::Object");
        assertThat(events).extracting(e -> e.key().management()).containsExactly(false, false, true);
    }

    @Test
    void callsCloudTrailDoesNotLogAreNotRecorded() {
        fixture.call("logs.amazonaws.com", "PutLogEvents", false, "{}", "{}");
        fixture.call("logs.amazonaws.com", "GetLogEvents", true, "{}", "{}");
        fixture.call("logs.amazonaws.com", "FilterLogEvents", true, "{}", "{}");
        fixture.call("events.amazonaws.com", "PutEvents", false, "{}", "{}");
        assertThat(fixture.all()).isEmpty();
    }

    @Test
    void parametersAreRenderedOnTheRecorderThread() {
        AtomicReference<String> renderedOn = new AtomicReference<>();
        var ctx = RecorderFixture.context(ALICE, REGION, "PutDashboard", fixture.clock.instant());
        fixture.recorder().record(new ApiCall(ctx, "monitoring.amazonaws.com", false, () -> {
            renderedOn.set(Thread.currentThread().getName());
            return Optional.of("{}");
        }, () -> Optional.of("{}"), Optional.empty(), Optional.empty()));
        assertThat(fixture.all()).hasSize(1);
        assertThat(renderedOn.get()).isEqualTo("cloudtrail-recorder");
    }

    @Test
    void oversizedElementsAreOmitted() throws Exception {
        String big = "{\"policy\":\"" + "x".repeat(RecordRenderer.MAX_ELEMENT_BYTES) + "\"}";
        fixture.call("logs.amazonaws.com", "PutResourcePolicy", false, big, big);
        JsonNode record = only();
        assertThat(record.get("requestParameters").isNull()).isTrue();
        assertThat(record.get("responseElements").isNull()).isTrue();
    }

    @Test
    void eventTimeIsTheReceiptTimeInWholeSecondsAndIsTheLogTimestamp() throws Exception {
        fixture.call("cloudtrail.amazonaws.com", "DescribeTrails", true, "{}", null);
        StoredEvent event = fixture.all().getFirst();
        assertThat(event.eventTime()).isEqualTo("2025-03-04T05:06:07Z");
    }

    @Test
    void eventIdsComeFromTheSeededGenerator(@TempDir Path other) throws Exception {
        fixture.call("cloudtrail.amazonaws.com", "DescribeTrails", true, "{}", null);
        try (RecorderFixture twin = new RecorderFixture(other)) {
            twin.call("cloudtrail.amazonaws.com", "DescribeTrails", true, "{}", null);
            assertThat(twin.all().getFirst().key().eventId()).isEqualTo(fixture.all().getFirst().key().eventId());
        }
    }

    @Test
    void keyCarriesWhatLookupFiltersOn() {
        fixture.call("events.amazonaws.com", "CreateEventBus", false, "{\"name\":\"orders\"}", "{}");
        fixture.call("events.amazonaws.com", "PutRule", false, "{\"name\":\"r1\",\"eventBusName\":\"orders\"}", "{}");
        List<StoredEvent> events = fixture.all();
        EventKey bus = events.get(0).key();
        assertThat(bus.accountId()).isEqualTo(ACCOUNT);
        assertThat(bus.region()).isEqualTo(REGION);
        assertThat(bus.eventName()).isEqualTo("CreateEventBus");
        assertThat(bus.eventSource()).isEqualTo("events.amazonaws.com");
        assertThat(bus.accessKeyId()).isEqualTo(ALICE.accessKeyId());
        assertThat(bus.username()).isEqualTo("alice");
        assertThat(bus.management()).isTrue();
        assertThat(bus.readOnly()).isFalse();
        assertThat(bus.resources()).containsExactly(new ResourceRef("AWS::Events::EventBus", "orders"));
        // PutRule's "name" is the rule's, not a bus's.
        assertThat(events.get(1).key().resources()).containsExactly(new ResourceRef("AWS::Events::EventBus", "orders"));
    }
}
