package io.watchpost.cloudwatch.alarms;

import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.cloudwatch.math.MetricMath;
import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.core.Scope;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates every metric alarm on the {@link Scheduler}: one task ticks every 10 seconds and evaluates each alarm
 * whose interval slot has moved on (every minute; every period for 10/20/30-second alarms). An evaluation reads the
 * last {@link AlarmEvaluator#rangeSize} complete periods before the current one, so late datapoints count as soon
 * as they arrive. The journal is written only when the state changes.
 *
 * <p><b>Hot path:</b> {@link #tick} → {@link #evaluate}: one statistic read per alarm and a primitive array; reason
 * text, sample counts and JSON are built only on a transition. <b>Thread-safety:</b> state changes (evaluation,
 * SetAlarmState, PutMetricAlarm, DeleteAlarms) are serialized on {@link #lock}; the decision is computed outside it
 * and applied only if the alarm was not reconfigured meanwhile.
 */
final class AlarmEngine {
    private static final System.Logger LOG = System.getLogger(AlarmEngine.class.getName());
    static final Duration TICK = Duration.ofSeconds(10);

    final Object lock = new Object();
    private final StateTable<AlarmRecord> alarms;
    private final AlarmHistory history;
    private final MetricDataSource source;
    private final MetricMath math;
    private final Clock clock;
    private final AlarmStateListener listener;
    private final Map<String, Long> lastSlot = new ConcurrentHashMap<>();
    private final CompositeEngine composites;

    AlarmEngine(StateTable<AlarmRecord> alarms, AlarmHistory history, MetricDataSource source, Clock clock,
            AlarmStateListener listener, CompositeEngine composites) {
        this.composites = composites;
        this.alarms = alarms;
        this.history = history;
        this.source = source;
        this.math = new MetricMath(source);
        this.clock = clock;
        this.listener = listener;
    }

    void start(Scheduler scheduler) {
        long now = clock.millis();
        long first = (now / TICK.toMillis() + 1) * TICK.toMillis();
        scheduler.schedule("cloudwatch-alarm-evaluation", Instant.ofEpochMilli(first), TICK, this::tick);
        scheduler.schedule("cloudwatch-alarm-history-retention", Instant.ofEpochMilli(first), Duration.ofHours(1),
                () -> history.prune(clock.millis()));
    }

    /** Forgets when the alarm was last evaluated, so the next tick evaluates it (new or reconfigured alarm). */
    void reschedule(String key) {
        lastSlot.remove(key);
    }

    /** Development reset: the tables were wiped; forget evaluation slots too. */
    void forgetAll() {
        lastSlot.clear();
        composites.suppression.forgetAll();
        composites.mutes.forgetAll();
    }

    void tick() {
        Instant now = clock.instant();
        long seconds = now.getEpochSecond();
        for (Map.Entry<String, AlarmRecord> entry : alarms.view().entrySet()) {
            AlarmRecord alarm = entry.getValue();
            long slot = seconds / alarm.evaluationIntervalSeconds();
            Long last = lastSlot.put(entry.getKey(), slot);
            if (last == null || last != slot) {
                try {
                    evaluate(entry.getKey(), alarm, now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "alarm evaluation failed: " + entry.getKey(), e);
                }
            }
        }
        lastSlot.keySet().retainAll(alarms.view().keySet());
        synchronized (lock) {
            composites.suppression.expire(now.toEpochMilli(), composites);
            composites.mutes.release(now.toEpochMilli());
        }
    }

    void evaluate(String key, AlarmRecord alarm, Instant now) {
        Scope scope = scopeOf(key);
        int period = alarm.effectivePeriod();
        int n = alarm.evaluationPeriods();
        int size = AlarmEvaluator.rangeSize(n);
        long end = Math.floorDiv(now.getEpochSecond(), period) * period;
        Instant start = Instant.ofEpochSecond(end - (long) size * period);
        NavigableMap<Instant, Double> read = read(scope, alarm, start, Instant.ofEpochSecond(end), now, stat(alarm));
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            Double v = read.get(start.plusSeconds((long) i * period));
            values[i] = v == null ? Double.NaN : v;
        }
        AlarmEvaluator.Decision decision = AlarmEvaluator.decide(values, n, alarm.datapointsToAlarmOrDefault(),
                alarm.comparisonOperator(), alarm.threshold(), alarm.treatMissingData());
        if (decision.state() == null || decision.state().equals(alarm.state().value())) {
            return;
        }
        StateReasons.Range range = range(scope, alarm, start, period, values, now);
        if (lowSampleIgnored(alarm, range, decision)) {
            return;
        }
        String reason = StateReasons.reason(alarm, range, decision, alarm.state().value());
        String data = StateReasons.reasonData(alarm, range, decision, now);
        synchronized (lock) {
            Optional<AlarmRecord> current = alarms.get(key);
            if (current.isEmpty() || current.get().configUpdatedMillis() != alarm.configUpdatedMillis()
                    || !current.get().state().equals(alarm.state())) {
                return;
            }
            transition(scope, key, current.get(), new AlarmState(decision.state(), reason, data, now.toEpochMilli()));
        }
    }

    private StateReasons.Range range(Scope scope, AlarmRecord alarm, Instant start, int period, double[] values,
            Instant now) {
        Instant[] starts = new Instant[values.length];
        for (int i = 0; i < values.length; i++) {
            starts[i] = start.plusSeconds((long) i * period);
        }
        double[] counts = null;
        if (!alarm.isMath()) {
            NavigableMap<Instant, Double> sc = read(scope, alarm, start, starts[values.length - 1].plusSeconds(period),
                    now, "SampleCount");
            counts = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                counts[i] = sc.getOrDefault(starts[i], Double.NaN);
            }
        }
        return new StateReasons.Range(starts, values, counts);
    }

    /** EvaluateLowSampleCountPercentile=ignore: a percentile over too few samples (fewer than 1/(1-p)) keeps state. */
    private static boolean lowSampleIgnored(AlarmRecord alarm, StateReasons.Range range,
            AlarmEvaluator.Decision decision) {
        String stat = alarm.extendedStatistic();
        if (!"ignore".equals(alarm.evaluateLowSampleCountPercentile()) || stat == null || !stat.startsWith("p")
                || range.sampleCounts() == null) {
            return false;
        }
        double p = Double.parseDouble(stat.substring(1)) / 100.0;
        // The epsilon keeps p90 at 10 samples: 1/(1-0.9) is 10.000000000000002 in binary floating point.
        double needed = p >= 1.0 ? 1 : Math.ceil(1.0 / (1.0 - p) - 1e-9);
        double[] counts = range.sampleCounts();
        int taken = 0;
        for (int i = counts.length - 1; i >= 0 && taken < decision.used(); i--) {
            if (!Double.isNaN(range.values()[i])) {
                taken++;
                if (counts[i] < needed) {
                    return true;
                }
            }
        }
        return false;
    }

    private NavigableMap<Instant, Double> read(Scope scope, AlarmRecord alarm, Instant start, Instant end,
            Instant now, String stat) {
        if (alarm.isMath()) {
            return math.evaluate(scope, AlarmConversions.toQueries(alarm), start, end, now);
        }
        return source.statistic(scope, AlarmConversions.identity(alarm), stat, Optional.ofNullable(alarm.unit()),
                start, end, alarm.period());
    }

    private static String stat(AlarmRecord alarm) {
        return alarm.statistic() != null ? alarm.statistic() : alarm.extendedStatistic();
    }

    /** Writes the new state, its history item, and tells the listener. Caller holds {@link #lock}. */
    void transition(Scope scope, String key, AlarmRecord alarm, AlarmState next) {
        boolean changed = !next.value().equals(alarm.state().value());
        AlarmRecord updated = alarm.withState(next, changed);
        alarms.put(key, updated);
        history.stateUpdate(scope, alarm.name(), alarm.state(), next);
        String arn = arn(scope, alarm.name());
        List<String> actions = !updated.actionsEnabled() ? List.of() : switch (next.value()) {
            case AlarmEvaluator.ALARM -> updated.alarmActions();
            case AlarmEvaluator.OK -> updated.okActions();
            default -> updated.insufficientDataActions();
        };
        String detail = AlarmEvents.stateChangeDetail(updated, alarm.state(), next);
        try {
            listener.stateChanged(composites.mutes.onTransition(new AlarmStateChange(scope, alarm.name(), arn,
                    Instant.ofEpochMilli(next.updatedMillis()), alarm.state().value(), next.value(), next.reason(),
                    actions, detail, AlarmNotifications.message(scope, arn, updated, alarm.state(), next))));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "alarm state listener failed for " + arn, e);
        }
        composites.childChanged(scope, alarm.name(), next, new java.util.HashSet<>());
    }

    static Scope scopeOf(String key) {
        String[] parts = key.split("/", 3);
        return new Scope(parts[0], parts[1]);
    }

    static String arn(Scope scope, String name) {
        return scope.arn("cloudwatch", "alarm:" + name).toString();
    }
}
