package io.watchpost.events.rules;

import static io.watchpost.events.targets.EventsMetrics.bytes;
import static io.watchpost.events.targets.EventsMetrics.count;

import io.watchpost.core.port.MetricDatum;
import io.watchpost.events.targets.EventsMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code AWS/Events} counts of one PutEvents call, summed over its entries so that the call sends one batch of
 * datapoints (one per series) rather than one per event. Confined to the calling thread.
 */
final class PutEventsTally {
    private record RuleSeries(String bus, String rule) {}

    private final Map<RuleSeries, Integer> rules = new LinkedHashMap<>();
    private final Map<String, Integer> buses = new LinkedHashMap<>();
    private int matchedEvents;
    private int invocationsCreated;
    private boolean eventMatched;

    /** One rule of {@code bus} matched the current event and created {@code targets} invocations. */
    void rule(String bus, String rule, int targets) {
        rules.merge(new RuleSeries(bus, rule), 1, Integer::sum);
        invocationsCreated += targets;
        if (!eventMatched) {
            eventMatched = true;
            matchedEvents++;
            buses.merge(bus, 1, Integer::sum);
        }
    }

    /** Ends the current event. */
    void nextEvent() {
        eventMatched = false;
    }

    /** The call-level metrics, then the matching ones that are not zero. */
    List<MetricDatum> data(Instant at, int entries, int failed, long requestBytes, boolean succeeded) {
        List<MetricDatum> data = new ArrayList<>(8 + 3 * rules.size() + buses.size());
        Map<String, String> none = Map.of();
        data.add(count("PutEventsApproximateCallCount", none, at, 1));
        data.add(count(succeeded ? "PutEventsApproximateSuccessCount" : "PutEventsApproximateFailedCount", none, at, 1));
        if (!succeeded) {
            return data;
        }
        data.add(count("PutEventsEntriesCount", none, at, entries));
        data.add(count("PutEventsFailedEntriesCount", none, at, failed));
        data.add(bytes("PutEventsRequestSize", none, at, requestBytes));
        if (matchedEvents == 0) {
            return data;
        }
        data.add(count("MatchedEvents", none, at, matchedEvents));
        buses.forEach((bus, n) -> data.add(count("MatchedEvents", EventsMetrics.bus(bus), at, n)));
        data.add(count("TriggeredRules", none, at, rules.values().stream().mapToInt(Integer::intValue).sum()));
        rules.forEach((series, n) -> {
            Map<String, String> dimensions = EventsMetrics.rule(series.bus(), series.rule());
            data.add(count("MatchedEvents", dimensions, at, n));
            data.add(count("TriggeredRules", dimensions, at, n));
        });
        if (invocationsCreated > 0) {
            data.add(count("InvocationsCreated", none, at, invocationsCreated));
        }
        return data;
    }
}
