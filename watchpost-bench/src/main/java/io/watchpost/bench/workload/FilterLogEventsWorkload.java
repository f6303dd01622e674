package io.watchpost.bench.workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * FilterLogEvents over one stream of 100,000 events, of which 1 in 1,000 matches: each call scans everything to
 * fill its first page (100 matches, under the 10,000-event default limit). Three variants: the term pattern
 * {@code ERROR} and the space-delimited pattern {@code [time, level = ERROR, ...]} over {@link #message} lines,
 * and the JSON pattern {@code { $.level = "ERROR" && $.http.status >= 500 }} over {@link #json} lines. The raw
 * text scanned per call is {@link #rawBytes}, so MB/s = calls/s × that. Setup seeds the events in batches of
 * 5,000 (under the 1 MiB PutLogEvents limit).
 */
final class FilterLogEventsWorkload implements Workload {
    static final int EVENTS = 100_000;
    static final int BATCH = 5_000;
    static final int MATCH_EVERY = 1_000;
    static final String DELIMITED_PATTERN = "[time, level = ERROR, ...]";
    static final String JSON_PATTERN = "{ $.level = \"ERROR\" && $.http.status >= 500 }";
    private final String name;
    private final String pattern;
    private final IntFunction<String> messages;
    private final String group;
    private long firstTimestamp;

    FilterLogEventsWorkload(WorkloadSpec spec) {
        this(spec, "FilterLogEvents", "ERROR", FilterLogEventsWorkload::message);
    }

    FilterLogEventsWorkload(WorkloadSpec spec, String name, String pattern, IntFunction<String> messages) {
        this.name = name;
        this.pattern = pattern;
        this.messages = messages;
        this.group = "/bench/filter/" + name + "/" + spec.runId();
    }

    static Workload delimited(WorkloadSpec spec) {
        return new FilterLogEventsWorkload(spec, "FilterLogEventsDelimited", DELIMITED_PATTERN,
                FilterLogEventsWorkload::message);
    }

    static Workload json(WorkloadSpec spec) {
        return new FilterLogEventsWorkload(spec, "FilterLogEventsJson", JSON_PATTERN, FilterLogEventsWorkload::json);
    }

    @Override
    public String name() {
        return name;
    }

    /** UTF-8 bytes of all the seeded messages: the raw text one call scans. */
    long rawBytes() {
        long total = 0;
        for (int i = 0; i < EVENTS; i++) {
            total += messages.apply(i).getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }

    @Override
    public void setup(ServiceClients clients) {
        clients.logs().createLogGroup(r -> r.logGroupName(group));
        clients.logs().createLogStream(r -> r.logGroupName(group).logStreamName("app"));
        firstTimestamp = System.currentTimeMillis() - 3_600_000L; // 10 ms apart: the last is ~17 minutes later
        for (int from = 0; from < EVENTS; from += BATCH) {
            List<InputLogEvent> events = new ArrayList<>(BATCH);
            for (int i = from; i < from + BATCH; i++) {
                events.add(InputLogEvent.builder().timestamp(firstTimestamp + i * 10L).message(messages.apply(i)).build());
            }
            clients.logs().putLogEvents(r -> r.logGroupName(group).logStreamName("app").logEvents(events));
        }
    }

    static String message(int i) {
        String level = i % MATCH_EVERY == 0 ? "ERROR" : (i % 7 == 0 ? "WARN" : "INFO");
        return "2026-01-01T00:00:00Z " + level + " order=" + i + " service=checkout latency_ms=" + (i % 250)
                + " region=us-east-1 path=/api/v1/orders";
    }

    /** The same fields as {@link #message}, as a structured logger writes them. */
    static String json(int i) {
        String level = i % MATCH_EVERY == 0 ? "ERROR" : (i % 7 == 0 ? "WARN" : "INFO");
        return "{\"time\":\"2026-01-01T00:00:00Z\",\"level\":\"" + level + "\",\"order\":" + i
                + ",\"service\":\"checkout\",\"latency_ms\":" + (i % 250)
                + ",\"region\":\"us-east-1\",\"http\":{\"path\":\"/api/v1/orders\",\"status\":"
                + (i % MATCH_EVERY == 0 ? 500 : 200) + "}}";
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.logs().filterLogEvents(r -> r.logGroupName(group).filterPattern(pattern)
                .startTime(firstTimestamp).endTime(firstTimestamp + EVENTS * 10L));
    }

    @Override
    public void teardown(ServiceClients clients) {
        clients.logs().deleteLogGroup(r -> r.logGroupName(group));
    }
}
