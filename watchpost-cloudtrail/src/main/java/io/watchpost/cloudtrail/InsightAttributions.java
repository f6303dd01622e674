package io.watchpost.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code insightContext.attributions} of an Insights event, as AWS documents them: for each of
 * {@code userIdentityArn}, {@code userAgent} and {@code errorCode}, the top five values among the series' calls in
 * the insight window and in the baseline window, each with its average per minute of that window, highest first
 * (ties by value, so the order is stable). A successful call's error code is the string {@code "null"}, as AWS
 * writes it. Counting reads the series' records from the recorder's log and parses only their JSON.
 */
final class InsightAttributions {
    static final int TOP = 5;
    static final List<String> ATTRIBUTES = List.of("userIdentityArn", "userAgent", "errorCode");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per attribute, how many of the window's calls had each value. */
    record Counts(Map<String, Map<String, Long>> byAttribute) {
        Counts {
            Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
            byAttribute.forEach((attribute, values) -> copy.put(attribute, Map.copyOf(values)));
            byAttribute = Map.copyOf(copy);
        }

        Map<String, Long> of(String attribute) {
            return byAttribute.getOrDefault(attribute, Map.of());
        }
    }

    private InsightAttributions() {}

    /** Counts the calls of {@code series} with event times in {@code [fromMillis, toMillis)}. */
    static Counts count(CloudTrailRecorder recorder, InsightSeries series, long fromMillis, long toMillis)
            throws IOException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        recorder.scan(fromMillis, toMillis, event -> {
            if (belongs(series, event)) {
                JsonNode record = parse(event);
                add(counts, "userIdentityArn", record.path("userIdentity").path("arn").asText(""));
                add(counts, "userAgent", record.path("userAgent").asText(""));
                JsonNode error = record.get("errorCode");
                add(counts, "errorCode", error == null || error.isNull() ? "null" : error.asText());
            }
        });
        return new Counts(counts);
    }

    private static boolean belongs(InsightSeries series, StoredEvent event) {
        EventKey key = event.key();
        if (!InsightSeries.analyzed(key) || !key.accountId().equals(series.accountId())
                || !key.region().equals(series.region()) || !key.eventSource().equals(series.eventSource())
                || !key.eventName().equals(series.eventName())) {
            return false;
        }
        return series.errorCode().isEmpty() || InsightSeries.errors(event).filter(series::equals).isPresent();
    }

    private static JsonNode parse(StoredEvent event) {
        try {
            return JSON.readTree(event.json());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void add(Map<String, Map<String, Long>> counts, String attribute, String value) {
        if (!value.isEmpty()) {
            counts.computeIfAbsent(attribute, a -> new HashMap<>()).merge(value, 1L, Long::sum);
        }
    }

    /** The attributions array; averages are counts divided by each window's length in minutes. */
    static ArrayNode render(Counts insight, long insightMinutes, Counts baseline, long baselineMinutes) {
        ArrayNode attributions = JSON.createArrayNode();
        for (String attribute : ATTRIBUTES) {
            ObjectNode entry = attributions.addObject();
            entry.put("attribute", attribute);
            entry.set("insight", top(insight.of(attribute), insightMinutes));
            entry.set("baseline", top(baseline.of(attribute), baselineMinutes));
        }
        return attributions;
    }

    private static ArrayNode top(Map<String, Long> counts, long minutes) {
        ArrayNode values = JSON.createArrayNode();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> values.addObject().put("value", e.getKey())
                        .put("average", (double) e.getValue() / minutes));
        return values;
    }
}
