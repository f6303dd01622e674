package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * CloudTrail Insights on the scheduler's thread, once a minute. Each whole minute that ended at least
 * {@link #LAG_MINUTES} ago (records the recorder thread writes late) is counted per {@link InsightSeries}; a minute is
 * <b>anomalous</b> when its count is at least {@link #MIN_COUNT} and above the baseline average plus
 * {@link #SIGMAS} standard deviations of the previous seven days' per-minute counts. AWS documents the seven-day
 * baseline but not its statistic; this rule is Watchpost's. The first anomalous minute emits a {@code Start} event,
 * the first normal minute after it an {@code End} event, for account/regions where a logging trail has the insight
 * type selected; both carry the {@link InsightAttributions} of the insight window against the seven days before
 * it, counted from the log when the event is written (insights are rare; the baseline scan reads only that series'
 * records' JSON). State is in memory: the first run rebuilds seven days of baselines from the recorder (without
 * detecting), and an insight open at shutdown gets no End event.
 */
final class InsightDetector {
    static final int LAG_MINUTES = 1;
    static final int MIN_COUNT = 5;
    static final double SIGMAS = 3;
    private static final long MINUTE = 60_000L;
    private static final System.Logger LOG = System.getLogger(InsightDetector.class.getName());

    private final StateTable<TrailRecord> trails;
    private final StateTable<TrailSettings> settings;
    private final CloudTrailRecorder recorder;
    private final InsightEvents events;
    private final Clock clock;
    private final Map<InsightSeries, InsightBaseline> series = new HashMap<>();
    private long nextMinute = Long.MIN_VALUE; // the first minute not yet counted

    InsightDetector(TrailTables tables, CloudTrailRecorder recorder, Clock clock, RandomGenerator random) {
        this.trails = tables.trails();
        this.settings = tables.settings();
        this.recorder = recorder;
        this.clock = clock;
        this.events = new InsightEvents(recorder, random);
    }

    void run() {
        long end = Math.floorDiv(clock.millis(), MINUTE) * MINUTE - LAG_MINUTES * MINUTE; // exclusive
        try {
            if (nextMinute == Long.MIN_VALUE) {
                long from = end - InsightBaseline.WINDOW_MINUTES * MINUTE;
                for (long m = from; m < end; m += MINUTE) {
                    count(m, false);
                }
                nextMinute = end;
            }
            for (; nextMinute < end; nextMinute += MINUTE) {
                count(nextMinute, true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CloudTrail Insights failed; retried next minute", e);
        }
    }

    private void count(long minute, boolean detect) throws IOException {
        Map<InsightSeries, long[]> counts = new HashMap<>();
        recorder.scan(minute, minute + MINUTE, event -> {
            EventKey key = event.key();
            if (InsightSeries.analyzed(key)) {
                counts.computeIfAbsent(InsightSeries.calls(key), k -> new long[1])[0]++;
                InsightSeries.errors(event).ifPresent(s -> counts.computeIfAbsent(s, k -> new long[1])[0]++);
            }
        });
        Set<String> enabled = detect ? enabled() : Set.of();
        Set<InsightSeries> touched = new HashSet<>(counts.keySet());
        series.forEach((s, b) -> touched.add(s));
        for (InsightSeries s : touched) {
            InsightBaseline baseline = series.computeIfAbsent(s, k -> new InsightBaseline());
            long count = counts.getOrDefault(s, new long[1])[0];
            if (detect) {
                evaluate(s, baseline, minute, count, covered(enabled, s));
            }
            baseline.add(minute, count);
            if (baseline.idle()) {
                series.remove(s);
            }
        }
    }

    private void evaluate(InsightSeries s, InsightBaseline baseline, long minute, long count, boolean enabled)
            throws IOException {
        boolean anomalous = enabled && count >= MIN_COUNT
                && count > baseline.average() + SIGMAS * baseline.standardDeviation();
        if (anomalous && baseline.open == null) {
            InsightAttributions.Counts before = InsightAttributions.count(recorder, s,
                    minute - InsightBaseline.WINDOW_MINUTES * MINUTE, minute);
            baseline.open = new InsightBaseline.Open(minute, baseline.average(), count, 1, events.newId(), before);
            InsightAttributions.Counts first = InsightAttributions.count(recorder, s, minute, minute + MINUTE);
            events.start(s, minute, baseline.open, InsightAttributions.render(first, 1, before,
                    InsightBaseline.WINDOW_MINUTES));
        } else if (anomalous) {
            baseline.open = baseline.open.plus(count);
        } else if (baseline.open != null) {
            InsightBaseline.Open open = baseline.open;
            InsightAttributions.Counts during = InsightAttributions.count(recorder, s, open.startMillis(), minute);
            events.end(s, minute, open, InsightAttributions.render(during, open.duration(), open.baselineCounts(),
                    InsightBaseline.WINDOW_MINUTES));
            baseline.open = null;
        }
    }

    /** {@code account|region|type} for every type selected on a logging trail ({@code *} for multi-region). */
    private Set<String> enabled() {
        Set<String> enabled = new HashSet<>();
        trails.view().forEach((trailKey, trail) -> {
            List<String> types = settings.get(trailKey).map(TrailSettings::insightTypes).orElse(List.of());
            if (trail.logging()) {
                String region = trail.multiRegionTrail() ? "*" : trail.homeRegion();
                types.forEach(type -> enabled.add(trail.accountId() + '|' + region + '|' + type));
            }
        });
        return enabled;
    }

    private static boolean covered(Set<String> enabled, InsightSeries s) {
        return enabled.contains(s.accountId() + '|' + s.region() + '|' + s.insightType())
                || enabled.contains(s.accountId() + "|*|" + s.insightType());
    }
}
