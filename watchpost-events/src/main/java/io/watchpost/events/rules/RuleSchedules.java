package io.watchpost.events.rules;

import io.watchpost.core.Scope;
import io.watchpost.core.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires the enabled schedule rules from the {@link Scheduler}. {@code rate(N unit)} first fires one period after the
 * rule was created or enabled (or after a restart) and then every period; {@code cron(...)} is checked at every
 * whole UTC minute. Disabling, changing or deleting a rule cancels its task. Thread-safety: {@link #sync} is called
 * under the service's write lock; tasks run on the scheduler thread.
 */
final class RuleSchedules {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|hour|day)s?\\)");

    /** What a schedule does when it fires: the service looks the rule up again and delivers a Scheduled Event. */
    record Fire(Scope scope, String key) {}

    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<Fire> fire;
    private final Map<String, Scheduler.Cancellable> tasks = new ConcurrentHashMap<>();

    RuleSchedules(Scheduler scheduler, Clock clock, Consumer<Fire> fire) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.fire = fire;
    }

    /** Brings the rule's task in line with the stored rule ({@code null} when deleted). */
    void sync(String key, Scope scope, RuleRecord rule) {
        cancel(key);
        if (rule == null || !rule.enabled() || rule.scheduleExpression() == null) {
            return;
        }
        String expression = rule.scheduleExpression();
        Matcher rate = RATE.matcher(expression);
        Instant now = clock.instant();
        if (rate.matches()) {
            Duration period = Duration.of(Long.parseLong(rate.group(1)), unit(rate.group(2)));
            tasks.put(key, scheduler.schedule("rule " + key, now.plus(period), period, () -> fire.accept(new Fire(scope, key))));
        } else if (expression.startsWith("cron(")) {
            CronSchedule cron = CronSchedule.parse(expression);
            Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            tasks.put(key, scheduler.schedule("rule " + key, nextMinute, Duration.ofMinutes(1), () -> {
                if (cron.matches(clock.instant().truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC))) {
                    fire.accept(new Fire(scope, key));
                }
            }));
        }
    }

    void cancel(String key) {
        Scheduler.Cancellable task = tasks.remove(key);
        if (task != null) {
            task.cancel();
        }
    }

    void clear() {
        tasks.keySet().forEach(this::cancel);
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }
}
