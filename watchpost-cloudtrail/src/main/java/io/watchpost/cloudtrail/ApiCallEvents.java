package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.core.Scope;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Puts {@code AWS API Call via CloudTrail} events on each account's {@code default} bus, as AWS does for the
 * management events that are not read-only, in accounts and regions where a logging trail records them (AWS sends
 * these only when a trail is logging). Source {@code aws.<service>} ({@code aws.cloudwatch} for
 * {@code monitoring.amazonaws.com}); detail is the CloudTrail record. Runs on the scheduler's thread; progress is a
 * record-log offset in the {@code trail-delivery} table under {@link #CURSOR}, written after publishing.
 */
final class ApiCallEvents {
    static final String CURSOR = "~eventbridge";
    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    private static final System.Logger LOG = System.getLogger(ApiCallEvents.class.getName());

    private final StateTable<TrailRecord> trails;
    private final StateTable<DeliveryState> states;
    private final CloudTrailRecorder recorder;
    private final EventPublisher publisher;
    private final Clock clock;

    ApiCallEvents(TrailTables tables, CloudTrailRecorder recorder, EventPublisher publisher, Clock clock) {
        this.trails = tables.trails();
        this.states = tables.delivery();
        this.recorder = recorder;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The cursor in memory; persisted only when the offset moves, so an idle server does not write every second. */
    private DeliveryState current;

    void run() {
        long now = clock.millis();
        DeliveryState cursor = current != null ? current : states.get(CURSOR).orElseGet(() -> DeliveryState.start(now));
        Collection<TrailRecord> logging = trails.view().values().stream().filter(TrailRecord::logging).toList();
        long[] last = {cursor.lastOffset()};
        try {
            recorder.scan(cursor.cursorMillis() - TrailDelivery.LATE_MARGIN.toMillis(), now + 1, event -> {
                EventKey key = event.key();
                if (event.offset() <= cursor.lastOffset()) {
                    return;
                }
                last[0] = Math.max(last[0], event.offset());
                if (key.management() && !key.readOnly() && covered(logging, key)) {
                    publisher.publish(new Scope(key.accountId(), key.region()), "default", new EventPublisher.Event(
                            source(key.eventSource()), DETAIL_TYPE, event.jsonText(), List.of(), event.eventTime()));
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CloudTrail events to EventBridge failed; retried", e);
        }
        current = new DeliveryState(last[0], now, null, now, List.of(), null, null);
        if (last[0] != cursor.lastOffset()) {
            states.put(CURSOR, current);
        }
    }

    private static boolean covered(Collection<TrailRecord> logging, EventKey key) {
        return logging.stream().anyMatch(trail -> trail.accountId().equals(key.accountId())
                && (trail.multiRegionTrail() || trail.homeRegion().equals(key.region())));
    }

    static String source(String eventSource) {
        String service = eventSource.substring(0, Math.max(0, eventSource.indexOf('.')));
        return "aws." + (service.equals("monitoring") ? "cloudwatch" : service);
    }
}
