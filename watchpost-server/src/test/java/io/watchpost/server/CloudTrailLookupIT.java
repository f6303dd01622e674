package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Every call is recorded for CloudTrail and found again with LookupEvents, through the real server. */
class CloudTrailLookupIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static List<Event> lookup(CloudTrailClient trail, String eventName) throws InterruptedException {
        server.watchpost().flushAuditTrail();  // recording is asynchronous by design
        LookupEventsResponse response = trail.lookupEvents(r -> r.lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName).build()));
        return response.events();
    }

    @Test
    void callsAreRecordedInCloudTrailsFormat() throws Exception {
        try (CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder());
                CloudTrailClient trail = server.client(CloudTrailClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/audited"));
            assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/audited")));
            List<Event> events = lookup(trail, "CreateLogGroup");
            assertThat(events).hasSize(2);
            Event newest = events.get(0);
            assertThat(newest.eventSource()).isEqualTo("logs.amazonaws.com");
            assertThat(newest.username()).isEqualTo("watchpost");
            assertThat(newest.accessKeyId()).isEqualTo(TestServer.ACCESS_KEY);
            JsonNode record = JSON.readTree(newest.cloudTrailEvent());
            assertThat(record.path("eventName").asText()).isEqualTo("CreateLogGroup");
            assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(record.path("errorCode").asText()).isEqualTo("ResourceAlreadyExistsException");
            assertThat(record.path("requestParameters").path("logGroupName").asText()).isEqualTo("/audited");
            assertThat(record.path("userIdentity").path("accountId").asText()).isEqualTo("000000000000");
            assertThat(record.path("readOnly").asBoolean()).isFalse();
            assertThat(record.path("eventType").asText()).isEqualTo("AwsApiCall");
            assertThat(record.path("recipientAccountId").asText()).isEqualTo("000000000000");
            assertThat(JSON.readTree(events.get(1).cloudTrailEvent()).has("errorCode")).isFalse();
        }
    }
}
