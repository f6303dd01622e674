package io.watchpost.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
