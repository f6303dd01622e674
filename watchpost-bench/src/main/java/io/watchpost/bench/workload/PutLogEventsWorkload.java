package io.watchpost.bench.workload;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** PutLogEvents of 100 events × 200 bytes per call, each worker on its own stream (no sequence tokens). */
final class PutLogEventsWorkload implements Workload {
    static final int EVENTS_PER_CALL = 100;
    static final int MESSAGE_BYTES = 200;
    private final String group;
    private final int workers;

    PutLogEventsWorkload(WorkloadSpec spec) {
        this.group = "/bench/put/" + spec.runId();
        this.workers = spec.workers();
    }

    @Override
    public String name() {
        return "PutLogEvents";
    }

    @Override
    public void setup(ServiceClients clients) {
        clients.logs().createLogGroup(r -> r.logGroupName(group));
        for (int worker = 0; worker < workers; worker++) {
            String stream = stream(worker);
            clients.logs().createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        }
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>(EVENTS_PER_CALL);
        for (int i = 0; i < EVENTS_PER_CALL; i++) {
            events.add(InputLogEvent.builder().timestamp(now).message(message(i)).build());
        }
        clients.logs().putLogEvents(r -> r.logGroupName(group).logStreamName(stream(worker)).logEvents(events));
    }

    @Override
    public void teardown(ServiceClients clients) {
        clients.logs().deleteLogGroup(r -> r.logGroupName(group));
    }

    private static String stream(int worker) {
        return "worker-" + worker;
    }

    /** A 200-character (ASCII, so 200-byte) access-log line. */
    static String message(int i) {
        StringBuilder line = new StringBuilder(MESSAGE_BYTES)
                .append("2026-01-01T00:00:00.000Z INFO request id=").append(100_000 + i)
                .append(" method=GET path=/api/checkout/items status=200 bytes=5120 duration_ms=").append(i % 97)
                .append(" user_agent=bench ");
        while (line.length() < MESSAGE_BYTES) {
            line.append('x');
        }
        line.setLength(MESSAGE_BYTES);
        return line.toString();
    }
}
