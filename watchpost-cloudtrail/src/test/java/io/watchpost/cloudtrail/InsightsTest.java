package io.watchpost.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.cloudtrail.lookup.InsightsDataService;
import io.watchpost.cloudtrail.lookup.LookupEventsService;
import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InsightSelector;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsDataRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsDataResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsMetricDataRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsMetricDataResponse;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsRequest;

class InsightsTest {
    private static final String SOURCE = "monitoring.amazonaws.com";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    private Harness harness;

    @BeforeEach
    void open() throws Exception {
        harness = new Harness(dir);
        harness.seed(new TrailRecord("trail1", Harness.ACCOUNT, Harness.REGION, "bucket-trail1", null, null, true, false,
                false, null, null, null, false, false, false, true, Harness.START.toEpochMilli(), null));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void enableInsights() {
        harness.call(PutInsightSelectorsRequest.builder().trailName("trail1")
                .insightSelectors(InsightSelector.builder().insightType("ApiCallRateInsight").build()).build());
    }

    /** Ten quiet minutes (one call each), a burst of 20 calls, then quiet again for five minutes. */
    private void burst() throws Exception {
        harness.advance(MINUTE); // the first run builds the (empty) baseline
        for (int minute = 0; minute < 16; minute++) {
            int calls = minute == 10 ? 20 : 1;
            for (int i = 0; i < calls; i++) {
                harness.record(SOURCE, "PutDashboard", false, "{}");
            }
            harness.record(SOURCE, "GetDashboard", true, "{}"); // read-only: not analyzed
            harness.advance(MINUTE);
        }
    }

    private List<Event> insightEvents() {
        LookupEventsService lookup = new LookupEventsService(harness.recorder(), harness.clock, harness.tokens);
        LookupEventsResponse response = lookup.handlers().find(LookupEventsRequest.class).map(h -> {
            @SuppressWarnings("unchecked")
            var handler = (io.watchpost.core.api.ApiHandler<Object, Object>) (Object) h;
            return (LookupEventsResponse) handler.handle(Harness.context(Harness.ACCOUNT, Harness.REGION),
                    LookupEventsRequest.builder().eventCategory("insight").build());
        }).orElseThrow();
        return response.events();
    }

    @Test
    void aBurstOfWritesEmitsStartAndEndInsightEvents() throws Exception {
        enableInsights();
        burst();
        List<Event> events = insightEvents();
        assertThat(events).hasSize(2);
        JsonNode end = new ObjectMapper().readTree(events.get(0).cloudTrailEvent());
        JsonNode start = new ObjectMapper().readTree(events.get(1).cloudTrailEvent());
        assertThat(start.path("eventType").asText()).isEqualTo("AwsCloudTrailInsight");
        assertThat(start.path("eventCategory").asText()).isEqualTo("Insight");
        assertThat(start.path("insightDetails").path("state").asText()).isEqualTo("Start");
        assertThat(start.path("insightDetails").path("eventName").asText()).isEqualTo("PutDashboard");
        assertThat(start.path("insightDetails").path("eventSource").asText()).isEqualTo(SOURCE);
        assertThat(start.path("insightDetails").path("insightType").asText()).isEqualTo("ApiCallRateInsight");
        JsonNode statistics = end.path("insightDetails").path("insightContext").path("statistics");
        assertThat(end.path("insightDetails").path("state").asText()).isEqualTo("End");
        assertThat(statistics.path("insight").path("average").asDouble()).isEqualTo(20.0);
        assertThat(statistics.path("insightDuration").asInt()).isEqualTo(1);
        assertThat(statistics.path("baseline").path("average").asDouble()).isEqualTo(10.0 / (7 * 24 * 60));
        assertThat(end.path("sharedEventID").asText()).isEqualTo(start.path("sharedEventID").asText());
        Instant burstMinute = Instant.parse("2025-01-02T03:15:00Z");
        assertThat(events.get(1).eventTime()).isEqualTo(burstMinute);
        assertThat(events.get(0).eventTime()).isEqualTo(burstMinute.plus(MINUTE));
    }

    @Test
    void insightEventsCarryAttributionsOfTheInsightAndBaselineWindows() throws Exception {
        enableInsights();
        burst();
        List<Event> events = insightEvents();
        JsonNode end = new ObjectMapper().readTree(events.get(0).cloudTrailEvent());
        JsonNode start = new ObjectMapper().readTree(events.get(1).cloudTrailEvent());
        for (JsonNode event : List.of(start, end)) {
            JsonNode attributions = event.path("insightDetails").path("insightContext").path("attributions");
            assertThat(attributions).extracting(a -> a.path("attribute").asText())
                    .containsExactly("userIdentityArn", "userAgent", "errorCode");
            JsonNode agent = attributions.get(1);
            assertThat(agent.path("insight").get(0).path("value").asText()).isEqualTo("aws-cli/2.22.0");
            assertThat(agent.path("insight").get(0).path("average").asDouble()).isEqualTo(20.0);
            assertThat(agent.path("baseline").get(0).path("average").asDouble()).isEqualTo(10.0 / (7 * 24 * 60));
            JsonNode errors = attributions.get(2);
            assertThat(errors.path("insight").get(0).path("value").asText()).isEqualTo("null");
            assertThat(attributions.get(0).path("insight").get(0).path("value").asText())
                    .isEqualTo("arn:aws:iam::000000000000:user/tester");
        }
    }

    @Test
    void aTrailWithInsightSelectorsDeliversInsightFilesBesideItsLogFiles() throws Exception {
        harness.buckets.createBucket("bucket-trail1", new io.watchpost.core.Scope(Harness.ACCOUNT, Harness.REGION));
        enableInsights();
        burst();
        harness.advance(Harness.INTERVAL);
        List<String> states = new java.util.ArrayList<>();
        var objects = harness.buckets.objects("bucket-trail1");
        for (var entry : objects.entrySet()) {
            JsonNode records = new ObjectMapper().readTree(new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(entry.getValue().content())).readAllBytes()).path("Records");
            if (entry.getKey().contains("/CloudTrail-Insight/")) {
                assertThat(entry.getKey()).matches("AWSLogs/000000000000/CloudTrail-Insight/us-east-1/2025/01/02/"
                        + "000000000000_CloudTrail-Insight_us-east-1_20250102T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");
                records.forEach(r -> states.add(r.path("insightDetails").path("state").asText()));
            } else {
                records.forEach(r -> assertThat(r.path("eventType").asText()).isEqualTo("AwsApiCall"));
            }
        }
        assertThat(states).containsExactly("Start", "End");
        assertThat(objects.keySet()).anyMatch(key -> key.contains("/CloudTrail/us-east-1/"));
    }

    @Test
    void listInsightsDataPagesAndFiltersTheInsightEvents() throws Exception {
        enableInsights();
        burst();
        String arn = "arn:aws:cloudtrail:us-east-1:000000000000:trail/trail1";
        ListInsightsDataResponse all = insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").build());
        assertThat(all.events()).hasSize(2);
        assertThat(all.events().get(0).eventTime()).isAfter(all.events().get(1).eventTime());
        assertThat(all.nextToken()).isNull();
        ListInsightsDataResponse first = insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").maxResults(1)
                .dimensionsWithStrings(java.util.Map.of("EventName", "PutDashboard")).build());
        assertThat(first.events()).extracting(Event::eventId).containsExactly(all.events().get(0).eventId());
        ListInsightsDataResponse second = insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").maxResults(1)
                .dimensionsWithStrings(java.util.Map.of("EventName", "PutDashboard")).nextToken(first.nextToken())
                .build());
        assertThat(second.events()).extracting(Event::eventId).containsExactly(all.events().get(1).eventId());
        assertThat(second.nextToken()).isNull();
        assertThat(insightsData(ListInsightsDataRequest.builder().insightSource(arn).dataType("InsightsEvents")
                .dimensionsWithStrings(java.util.Map.of("EventSource", "logs.amazonaws.com")).build()).events())
                .isEmpty();

        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource(arn).build()),
                AwsError.TRAIL_INVALID_PARAMETER, "Invalid DataType: null. Valid value is InsightsEvents.");
        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").dimensionsWithStrings(java.util.Map.of("Username", "x")).build()),
                AwsError.TRAIL_INVALID_PARAMETER,
                "Invalid dimension key: Username. Valid keys are EventId, EventName, EventSource.");
        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").maxResults(51).build()),
                AwsError.TRAIL_INVALID_PARAMETER, "MaxResults must be between 1 and 50. Specified value: 51");
        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource(arn)
                .dataType("InsightsEvents").startTime(Harness.START.plusSeconds(60)).endTime(Harness.START).build()),
                AwsError.TRAIL_INVALID_PARAMETER, "StartTime must be before or equal to EndTime.");
        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource("trail1")
                .dataType("InsightsEvents").build()), AwsError.TRAIL_INVALID_PARAMETER,
                "InsightSource must be the ARN of a trail. Specified value: trail1");
        String missing = "arn:aws:cloudtrail:us-east-1:000000000000:trail/missing";
        Harness.assertAwsError(() -> insightsData(ListInsightsDataRequest.builder().insightSource(missing)
                .dataType("InsightsEvents").build()), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: " + missing + " for the user: 000000000000");
    }

    private ListInsightsDataResponse insightsData(ListInsightsDataRequest request) {
        InsightsDataService service = new InsightsDataService(harness.recorder(), harness.clock, harness.tokens,
                harness.service()::checkInsightSource);
        @SuppressWarnings("unchecked")
        var handler = (io.watchpost.core.api.ApiHandler<Object, Object>) (Object) service.handlers()
                .find(ListInsightsDataRequest.class).orElseThrow();
        return (ListInsightsDataResponse) handler.handle(Harness.context(Harness.ACCOUNT, Harness.REGION), request);
    }

    @Test
    void withoutInsightSelectorsNothingIsEmitted() throws Exception {
        burst();
        assertThat(insightEvents()).isEmpty();
    }

    @Test
    void metricDataCountsWriteCallsPerPeriod() throws Exception {
        burst();
        ListInsightsMetricDataResponse nonZero = harness.call(request().period(60).build());
        assertThat(nonZero.values()).hasSize(16).contains(20.0);
        assertThat(nonZero.timestamps().getFirst()).isEqualTo(Instant.parse("2025-01-02T03:05:00Z"));
        ListInsightsMetricDataResponse hourly = harness.call(request().build());
        assertThat(hourly.values()).containsExactly(35.0);
        ListInsightsMetricDataResponse filled = harness.call(request().period(300).dataType("FillWithZeros")
                .startTime(Instant.parse("2025-01-02T02:50:00Z")).endTime(Instant.parse("2025-01-02T03:10:00Z"))
                .build());
        assertThat(filled.values()).containsExactly(0.0, 0.0, 0.0, 5.0);
    }

    @Test
    void metricDataPagesByMaxResults() throws Exception {
        burst();
        ListInsightsMetricDataResponse first = harness.call(request().period(60).maxResults(10).build());
        assertThat(first.values()).hasSize(10);
        ListInsightsMetricDataResponse second = harness.call(request().period(60).maxResults(10)
                .nextToken(first.nextToken()).build());
        assertThat(second.values()).hasSize(6);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void metricDataValidatesItsParameters() {
        Harness.assertAwsError(() -> harness.call(ListInsightsMetricDataRequest.builder().build()),
                AwsError.TRAIL_INVALID_PARAMETER, "EventSource is required.");
        Harness.assertAwsError(() -> harness.call(request().period(120).build()),
                AwsError.TRAIL_INVALID_PARAMETER, "Period must be 60, 300 or 3600. Specified value: 120");
        Harness.assertAwsError(() -> harness.call(request().insightType("ApiErrorRateInsight").build()),
                AwsError.TRAIL_INVALID_PARAMETER, "ErrorCode is required when InsightType is ApiErrorRateInsight.");
        Harness.assertAwsError(() -> harness.call(request().maxResults(0).build()),
                AwsError.TRAIL_INVALID_PARAMETER, "MaxResults must be between 1 and 21600.");
        Harness.assertAwsError(() -> harness.call(request().dataType("All").build()),
                AwsError.TRAIL_INVALID_PARAMETER,
                "Invalid DataType: All. Valid values are FillWithZeros, NonZeroData.");
    }

    private static ListInsightsMetricDataRequest.Builder request() {
        return ListInsightsMetricDataRequest.builder().eventSource(SOURCE).eventName("PutDashboard")
                .insightType("ApiCallRateInsight");
    }
}
