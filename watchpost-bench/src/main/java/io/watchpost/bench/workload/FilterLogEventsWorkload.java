package io.watchpost.bench.workload;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * FilterLogEvents with the term pattern {@code ERROR} over one stream of 100,000 events, of which 1 in 1,000
 * matches: each call scans everything to fill its first page (100 events). Setup seeds the events in batches of
 * 5,000 (under the 1 MiB PutLogEvents limit).
 */
final class FilterLogEventsWorkload implements Workload {
    static final int EVENTS = 100_000;
    static final int BATCH = 5_000;
    static final int MATCH_EVERY = 1_000;
    private final String group;
    private long firstTimestamp;

    FilterLogEventsWorkload(WorkloadSpec spec) {
        this.group = "/bench/filter/" + spec.runId();
    }

    @Override
    public String name() {
        return "FilterLogEvents";
    }

    @Override
    public void setup(ServiceClients clients) {
        clients.logs().createLogGroup(r -> r.logGroupName(group));
        clients.logs().createLogStream(r -> r.logGroupName(group).logStreamName("app"));
        firstTimestamp = System.currentTimeMillis() - 3_600_000L; // 10 ms apart: the last is ~17 minutes later
        for (int from = 0; from < EVENTS; from += BATCH) {
            List<InputLogEvent> events = new ArrayList<>(BATCH);
            for (int i = from; i < from + BATCH; i++) {
                events.add(InputLogEvent.builder().timestamp(firstTimestamp + i * 10L).message(message(i)).build());
            }
            clients.logs().putLogEvents(r -> r.logGroupName(group).logStreamName("app").logEvents(events));
        }
    }

    static String message(int i) {
        String level = i % MATCH_EVERY == 0 ? "ERROR" : (i % 7 == 0 ? "WARN" : "INFO");
        return "2026-01-01T00:00:00Z " + level + " order=" + i + " service=checkout latency_ms=" + (i % 250)
                + " region=us-east-1 path=/api/v1/orders";
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.logs().filterLogEvents(r -> r.logGroupName(group).filterPattern("ERROR")
                .startTime(firstTimestamp).endTime(firstTimestamp + EVENTS * 10L));
    }

    @Override
    public void teardown(ServiceClients clients) {
        clients.logs().deleteLogGroup(r -> r.logGroupName(group));
    }
}
