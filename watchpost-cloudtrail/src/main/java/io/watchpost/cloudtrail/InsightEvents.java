package io.watchpost.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Writes Insights events in AWS's format into the recorder's log, where LookupEvents ({@code EventCategory=insight})
 * finds them: {@code eventType AwsCloudTrailInsight}, {@code eventCategory Insight}, a {@code sharedEventID} common to
 * the Start and End events, and {@code insightDetails} (state, eventSource, eventName, insightType, errorCode for
 * error-rate insights, insightContext.statistics and .attributions). Averages are calls per minute.
 */
final class InsightEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailRecorder recorder;
    private final RandomGenerator random;

    InsightEvents(CloudTrailRecorder recorder, RandomGenerator random) {
        this.recorder = recorder;
        this.random = random;
    }

    String newId() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The Start event, stamped with the first anomalous minute. */
    void start(InsightSeries series, long minute, InsightBaseline.Open open, ArrayNode attributions)
            throws IOException {
        ObjectNode statistics = JSON.createObjectNode();
        statistics.putObject("baseline").put("average", open.baselineAverage());
        statistics.putObject("insight").put("average", (double) open.total() / open.duration());
        write(series, minute, "Start", statistics, attributions, open.sharedEventId());
    }

    /** The End event, stamped with the end of the last anomalous minute. */
    void end(InsightSeries series, long minute, InsightBaseline.Open open, ArrayNode attributions)
            throws IOException {
        ObjectNode statistics = JSON.createObjectNode();
        statistics.putObject("baseline").put("average", open.baselineAverage());
        statistics.putObject("insight").put("average", (double) open.total() / open.duration());
        statistics.put("insightDuration", open.duration());
        statistics.put("baselineDuration", InsightBaseline.WINDOW_MINUTES);
        write(series, minute, "End", statistics, attributions, open.sharedEventId());
    }

    private void write(InsightSeries series, long minute, String state, ObjectNode statistics,
            ArrayNode attributions, String sharedId) throws IOException {
        String eventId = newId();
        ObjectNode event = JSON.createObjectNode();
        event.put("eventVersion", "1.08");
        event.put("eventTime", Instant.ofEpochMilli(minute).toString());
        event.put("awsRegion", series.region());
        event.put("eventID", eventId);
        event.put("eventType", "AwsCloudTrailInsight");
        event.put("recipientAccountId", series.accountId());
        event.put("sharedEventID", sharedId);
        ObjectNode details = event.putObject("insightDetails");
        details.put("state", state);
        details.put("eventSource", series.eventSource());
        details.put("eventName", series.eventName());
        details.put("insightType", series.insightType());
        if (!series.errorCode().isEmpty()) {
            details.put("errorCode", series.errorCode());
        }
        ObjectNode context = details.putObject("insightContext");
        context.set("statistics", statistics);
        context.set("attributions", attributions);
        event.put("eventCategory", "Insight");
        EventKey key = new EventKey(series.accountId(), series.region(), eventId, series.eventName(),
                series.eventSource(), "", "", false, false, List.of(), true, false);
        recorder.appendInsight(minute, key, JSON.writeValueAsBytes(event));
    }

    /** The {@code insightDetails.insightType} of an Insights event's JSON, or empty when it has none. */
    static String insightType(byte[] json) {
        try {
            JsonNode event = JSON.readTree(json);
            return event.path("insightDetails").path("insightType").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
