package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;

/**
 * One delivery pass, run by the {@link io.watchpost.core.port.Scheduler} every delivery interval: for each logging
 * trail and each source region it covers, the records new since the last pass that its selectors select become one
 * gzip log file in its bucket (and, with a log group, one log event each in stream {@code ACCOUNT_CloudTrail_REGION});
 * the Insights events of the insight types it selects become one gzip file under {@code CloudTrail-Insight/};
 * with log file validation, a digest closes every {@code digestPeriod}. State is written after the objects, so a
 * crash between the two re-delivers (as AWS may) rather than loses. Runs on the scheduler's thread only.
 */
final class TrailDelivery {
    private static final System.Logger LOG = System.getLogger(TrailDelivery.class.getName());
    /** How far before the cursor a scan starts, for records the recorder wrote after the last pass. */
    static final Duration LATE_MARGIN = Duration.ofMinutes(5);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final StateTable<TrailRecord> trails;
    private final StateTable<TrailSettings> settings;
    private final StateTable<DeliveryState> states;
    private final CloudTrailRecorder recorder;
    private final ObjectStore buckets;
    private final LogSink logs;
    private final DigestWriter digests;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration digestPeriod;

    TrailDelivery(TrailTables tables, CloudTrailRecorder recorder, ObjectStore buckets, LogSink logs,
            DigestWriter digests, Clock clock, RandomGenerator random, Duration digestPeriod) {
        this.trails = tables.trails();
        this.settings = tables.settings();
        this.states = tables.delivery();
        this.recorder = recorder;
        this.buckets = buckets;
        this.logs = logs;
        this.digests = digests;
        this.clock = clock;
        this.random = random;
        this.digestPeriod = digestPeriod;
    }

    void run() {
        Instant now = clock.instant();
        for (Map.Entry<String, TrailRecord> entry : trails.view().entrySet()) {
            if (!entry.getValue().logging()) {
                continue;
            }
            try {
                deliver(entry.getKey(), entry.getValue(), now);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CloudTrail delivery for trail " + entry.getValue().arn()
                        + " failed; retried next interval", e);
            }
        }
    }

    private void deliver(String trailKey, TrailRecord trail, Instant now) throws IOException {
        long started = trail.loggingStarted().orElse(now.toEpochMilli());
        Map<String, DeliveryState> regions = regionStates(trailKey, trail, started);
        long from = regions.values().stream().mapToLong(DeliveryState::cursorMillis).min().orElse(started)
                - LATE_MARGIN.toMillis();
        TrailSettings selectors = settings.get(trailKey).orElseGet(TrailSettings::defaults);
        Map<String, List<StoredEvent>> fresh = new LinkedHashMap<>();
        Map<String, List<StoredEvent>> insights = new LinkedHashMap<>();
        long startedSecond = started - Math.floorMod(started, 1000L);
        recorder.scan(Math.max(from, startedSecond), now.toEpochMilli() + 1, event -> {
            var key = event.key();
            if (!key.accountId().equals(trail.accountId()) || event.eventTimeMillis() < startedSecond
                    || !(trail.multiRegionTrail() || key.region().equals(trail.homeRegion()))) {
                return;
            }
            DeliveryState state = regions.get(key.region());
            if (state != null && event.offset() <= state.lastOffset()) {
                return;
            }
            if (key.insight()) {
                if (selectors.insightTypes().contains(InsightEvents.insightType(event.json()))) {
                    insights.computeIfAbsent(key.region(), r -> new ArrayList<>()).add(event);
                }
            } else if (EventSelection.selects(selectors, key)) {
                fresh.computeIfAbsent(key.region(), r -> new ArrayList<>()).add(event);
            }
        });
        fresh.keySet().forEach(region -> regions.computeIfAbsent(region, r -> DeliveryState.start(started)));
        insights.keySet().forEach(region -> regions.computeIfAbsent(region, r -> DeliveryState.start(started)));
        for (Map.Entry<String, DeliveryState> region : regions.entrySet()) {
            DeliveryState state = region.getValue();
            List<StoredEvent> events = fresh.getOrDefault(region.getKey(), List.of());
            if (!events.isEmpty()) {
                state = writeLogFile(trail, region.getKey(), state, events, now);
            }
            List<StoredEvent> insightEvents = insights.getOrDefault(region.getKey(), List.of());
            if (!insightEvents.isEmpty()) {
                state = writeInsightFile(trail, region.getKey(), state, insightEvents, now);
            }
            state = new DeliveryState(state.lastOffset(), now.toEpochMilli(), state.lastDeliveryMillis(),
                    state.digestStartMillis(), state.pendingLogFiles(), state.previous(), state.lastDigestMillis());
            if (trail.logFileValidationEnabled()
                    && now.toEpochMilli() - state.digestStartMillis() >= digestPeriod.toMillis()) {
                DeliveryState.PreviousDigest link = digests.write(trail, region.getKey(), state, now);
                state = new DeliveryState(state.lastOffset(), state.cursorMillis(), state.lastDeliveryMillis(),
                        now.toEpochMilli(), List.of(), link, now.toEpochMilli());
            }
            states.put(stateKey(trailKey, region.getKey()), state);
        }
    }

    private Map<String, DeliveryState> regionStates(String trailKey, TrailRecord trail, long started) {
        Map<String, DeliveryState> regions = new LinkedHashMap<>();
        String prefix = trailKey + '|';
        states.view().subMap(prefix, true, prefix + '\uffff', false)
                .forEach((key, state) -> regions.put(key.substring(prefix.length()), state));
        regions.computeIfAbsent(trail.homeRegion(), r -> DeliveryState.start(started));
        return regions;
    }

    private DeliveryState writeLogFile(TrailRecord trail, String region, DeliveryState state,
            List<StoredEvent> events, Instant now) {
        List<byte[]> records = events.stream().map(StoredEvent::json).toList();
        byte[] json = DeliveryFiles.records(records);
        String key = DeliveryFiles.logKey(trail, region, now, randomSuffix());
        buckets.putObject(trail.s3BucketName(), key, DeliveryFiles.gzip(json), DeliveryFiles.CONTENT_TYPE, Map.of());
        sendToLogGroup(trail, region, events);
        long oldest = events.stream().mapToLong(StoredEvent::eventTimeMillis).min().orElseThrow();
        long newest = events.stream().mapToLong(StoredEvent::eventTimeMillis).max().orElseThrow();
        long lastOffset = events.stream().mapToLong(StoredEvent::offset).max().orElseThrow();
        List<DeliveryState.LogFileEntry> pending = new ArrayList<>(state.pendingLogFiles());
        pending.add(new DeliveryState.LogFileEntry(trail.s3BucketName(), key, DigestSigner.sha256Hex(json), oldest,
                newest));
        return new DeliveryState(Math.max(lastOffset, state.lastOffset()), state.cursorMillis(), now.toEpochMilli(),
                state.digestStartMillis(), pending, state.previous(), state.lastDigestMillis());
    }

    /**
     * Insights events go to their own file under {@code CloudTrail-Insight/}, as AWS delivers them; digests list
     * only the log files ({@code aws cloudtrail validate-logs} checks those), so the file only advances the offset.
     */
    private DeliveryState writeInsightFile(TrailRecord trail, String region, DeliveryState state,
            List<StoredEvent> events, Instant now) {
        byte[] json = DeliveryFiles.records(events.stream().map(StoredEvent::json).toList());
        String key = DeliveryFiles.insightKey(trail, region, now, randomSuffix());
        buckets.putObject(trail.s3BucketName(), key, DeliveryFiles.gzip(json), DeliveryFiles.CONTENT_TYPE, Map.of());
        long lastOffset = events.stream().mapToLong(StoredEvent::offset).max().orElseThrow();
        return new DeliveryState(Math.max(lastOffset, state.lastOffset()), state.cursorMillis(),
                state.lastDeliveryMillis(), state.digestStartMillis(), state.pendingLogFiles(), state.previous(),
                state.lastDigestMillis());
    }

    /** A failed log-group delivery (group deleted, …) must not undo or repeat the S3 delivery: it is logged. */
    private void sendToLogGroup(TrailRecord trail, String region, List<StoredEvent> events) {
        if (trail.cloudWatchLogsLogGroupArn() == null) {
            return;
        }
        Matcher arn = TrailWrites.LOG_GROUP_ARN.matcher(trail.cloudWatchLogsLogGroupArn());
        if (!arn.matches()) {
            return;
        }
        List<LogSink.LogEntry> entries = events.stream()
                .map(event -> new LogSink.LogEntry(event.eventTimeMillis(), event.jsonText())).toList();
        try {
            logs.append(new Scope(arn.group(2), arn.group(1)), arn.group(3),
                    trail.accountId() + "_CloudTrail_" + region, entries);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CloudTrail delivery to " + trail.cloudWatchLogsLogGroupArn()
                    + " failed", e);
        }
    }

    private String randomSuffix() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    static String stateKey(String trailKey, String region) {
        return trailKey + '|' + region;
    }
}
