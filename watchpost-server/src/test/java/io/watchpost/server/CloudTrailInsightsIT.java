package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.MutableClock;
import io.watchpost.server.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InsightSelector;
import software.amazon.awssdk.services.cloudtrail.model.InsightType;
import software.amazon.awssdk.services.cloudtrail.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * CloudTrail Insights through the real server on a clock the test drives: a burst of PutDashboard calls becomes a
 * Start and an End Insights event with attributions, ListInsightsData (SDK v2 and the aws CLI) lists them, and the
 * trail delivers them under {@code CloudTrail-Insight/}. A second server with {@code cloudTrailRecording} off
 * records nothing.
 */
class CloudTrailInsightsIT {
    private static final String BUCKET = "insight-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBurstBecomesInsightEventsListedAndDelivered(@TempDir Path dataDir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:30Z"));
        ServerConfig config = ServerConfig.forTesting(0, dataDir).withTrailDeliveryInterval(Duration.ofMinutes(1));
        try (TestServer server = TestServer.start(config, clock);
                S3Client s3 = server.client(S3Client.builder().forcePathStyle(true));
                CloudTrailClient trail = server.client(CloudTrailClient.builder());
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder())) {
            s3.createBucket(r -> r.bucket(BUCKET));
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy()));
            String trailArn = trail.createTrail(r -> r.name("insights").s3BucketName(BUCKET)).trailARN();
            trail.putInsightSelectors(r -> r.trailName("insights")
                    .insightSelectors(InsightSelector.builder().insightType(InsightType.API_CALL_RATE_INSIGHT)
                            .build()));
            trail.startLogging(r -> r.name("insights"));

            clock.advance(Duration.ofMinutes(1));  // 10:01:30, after the minute the first pass takes as baseline
            for (int i = 0; i < 20; i++) {
                int n = i;
                cloudWatch.putDashboard(r -> r.dashboardName("burst-" + n).dashboardBody("{\"widgets\":[]}"));
            }
            server.watchpost().flushAuditTrail();
            for (int minute = 0; minute < 5; minute++) {
                clock.advance(Duration.ofMinutes(1));
                // The scheduler ticks every second of real time: give it two ticks per simulated minute, so each
                // minute is counted by its own pass (a pass never folds the burst into the first baseline).
                Thread.sleep(2_500);
            }

            List<Event> events = trail.lookupEvents(r -> r.eventCategory("insight")).events();
            assertThat(events).hasSize(2);
            JsonNode end = JSON.readTree(events.get(0).cloudTrailEvent());
            JsonNode start = JSON.readTree(events.get(1).cloudTrailEvent());
            assertThat(start.at("/insightDetails/state").asText()).isEqualTo("Start");
            assertThat(end.at("/insightDetails/state").asText()).isEqualTo("End");
            assertThat(start.at("/insightDetails/eventName").asText()).isEqualTo("PutDashboard");
            assertThat(start.at("/insightDetails/insightContext/statistics/insight/average").asDouble())
                    .isEqualTo(20.0);
            JsonNode attributions = start.at("/insightDetails/insightContext/attributions");
            assertThat(attributions).extracting(a -> a.path("attribute").asText())
                    .containsExactly("userIdentityArn", "userAgent", "errorCode");
            assertThat(attributions.get(1).at("/insight/0/value").asText()).contains("aws-sdk-java");
            assertThat(attributions.get(1).at("/insight/0/average").asDouble()).isEqualTo(20.0);
            assertThat(attributions.get(2).at("/insight/0/value").asText()).isEqualTo("null");
            assertThat(attributions.get(0).at("/baseline")).isEmpty();

            var listed = trail.listInsightsData(r -> r.insightSource(trailArn).dataType("InsightsEvents"));
            assertThat(listed.events()).extracting(Event::eventId)
                    .containsExactly(events.get(0).eventId(), events.get(1).eventId());
            var firstPage = trail.listInsightsData(r -> r.insightSource(trailArn).dataType("InsightsEvents")
                    .maxResults(1).dimensionsWithStrings(Map.of("EventName", "PutDashboard")));
            assertThat(firstPage.events()).hasSize(1);
            assertThat(firstPage.nextToken()).isNotNull();
            assertThatThrownBy(() -> trail.listInsightsData(r -> r.insightSource(trailArn).dataType("Metrics")))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> trail.listInsightsData(r -> r.insightSource(
                    "arn:aws:cloudtrail:us-east-1:000000000000:trail/none").dataType("InsightsEvents")))
                    .isInstanceOf(TrailNotFoundException.class);

            clock.advance(Duration.ofMinutes(1));  // a delivery after the End event
            Thread.sleep(2_500);
            List<S3Object> files = s3.listObjectsV2(r -> r.bucket(BUCKET)
                    .prefix("AWSLogs/000000000000/CloudTrail-Insight/us-east-1/2026/01/05/")).contents();
            List<String> delivered = new ArrayList<>();
            for (S3Object file : files) {
                assertThat(file.key()).matches(".*/000000000000_CloudTrail-Insight_us-east-1_20260105T\\d{4}Z_"
                        + "[A-Za-z0-9]{16}\\.json\\.gz");
                byte[] gzip = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(file.key())).asByteArray();
                JsonNode records = JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes());
                records.path("Records").forEach(r -> delivered.add(r.at("/insightDetails/state").asText()));
            }
            assertThat(delivered).containsExactly("Start", "End");

            Path aws = AwsCli.find();
            if (aws != null) {
                JsonNode cli = JSON.readTree(AwsCli.run(aws, server.endpoint(), dataDir, "--output", "json",
                        "cloudtrail", "list-insights-data", "--insight-source", trailArn, "--data-type",
                        "InsightsEvents"));
                assertThat(cli.path("Events")).hasSize(2);
            }
        }
    }

    @Test
    void withRecordingOffNoCallIsRecorded(@TempDir Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.forTesting(0, dataDir).withCloudTrailRecording(false);
        try (TestServer server = TestServer.start(config);
                CloudTrailClient trail = server.client(CloudTrailClient.builder());
                CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder())) {
            cloudWatch.putDashboard(r -> r.dashboardName("quiet").dashboardBody("{\"widgets\":[]}"));
            trail.describeTrails();
            server.watchpost().flushAuditTrail();
            assertThat(trail.lookupEvents(r -> r.maxResults(50)).events()).isEmpty();
        }
    }

    private static String policy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:GetBucketAcl\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/AWSLogs/000000000000/*\"}]}";
    }
}
