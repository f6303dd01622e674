package io.watchpost.cloudwatch.alarms;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.AlarmMuteRuleSummary;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmMuteRuleResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListAlarmMuteRulesRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListAlarmMuteRulesResponse;
import software.amazon.awssdk.services.cloudwatch.model.MuteTargets;
import software.amazon.awssdk.services.cloudwatch.model.PutAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutAlarmMuteRuleResponse;
import software.amazon.awssdk.services.cloudwatch.model.Rule;
import software.amazon.awssdk.services.cloudwatch.model.Schedule;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * PutAlarmMuteRule, GetAlarmMuteRule, ListAlarmMuteRules and DeleteAlarmMuteRule. A rule's ARN is
 * {@code arn:aws:cloudwatch:<region>:<account>:alarm-mute-rule:<name>}; its status is computed from the clock at
 * every read. A change to the rules releases held actions at once (see {@link AlarmMutes}). Writes hold the alarm
 * engine's lock, so a rule never changes halfway through a state transition.
 */
final class MuteRuleOperations {
    /** Guessed: AWS documents a LimitExceeded fault for PutAlarmMuteRule but no number. */
    static final int MAX_RULES = 1000;
    static final int MAX_TARGETS = 100;
    private static final List<String> STATUSES = List.of("SCHEDULED", "ACTIVE", "EXPIRED");

    private final AlarmMutes mutes;
    private final Object lock;
    private final Clock clock;
    private final PageTokens tokens;
    private final AlarmTagStore tags;

    MuteRuleOperations(AlarmMutes mutes, Object lock, Clock clock, PageTokens tokens, AlarmTagStore tags) {
        this.mutes = mutes;
        this.lock = lock;
        this.clock = clock;
        this.tokens = tokens;
        this.tags = tags;
    }

    static String arn(Scope scope, String name) {
        return scope.arn("cloudwatch", "alarm-mute-rule:" + name).toString();
    }

    PutAlarmMuteRuleResponse put(RequestContext context, PutAlarmMuteRuleRequest r) {
        validate(r);
        Schedule s = r.rule().schedule();
        try {
            MuteSchedule.parse(s.expression(), s.duration(), s.timezone());
        } catch (IllegalArgumentException e) {
            throw AlarmValidator.invalid(e.getMessage());
        }
        if (r.startDate() != null && r.expireDate() != null && !r.expireDate().isAfter(r.startDate())) {
            throw AlarmValidator.invalid("ExpireDate must be after StartDate.");
        }
        Scope scope = context.scope();
        long now = clock.millis();
        MuteRuleRecord rule = new MuteRuleRecord(r.name(), r.description(), s.expression(), s.duration(),
                s.timezone(), r.muteTargets() == null ? List.of() : r.muteTargets().alarmNames(),
                r.startDate() == null ? null : r.startDate().toEpochMilli(),
                r.expireDate() == null ? null : r.expireDate().toEpochMilli(), now);
        synchronized (lock) {
            String key = scope.key(r.name());
            java.util.Optional<MuteRuleRecord> previous = mutes.rules().get(key);
            boolean fresh = previous.isEmpty();
            if (fresh && count(scope) >= MAX_RULES) {
                throw new AwsException(AwsError.CW_LIMIT_EXCEEDED, "The maximum number of alarm mute rules ("
                        + MAX_RULES + ") has been reached.");
            }
            mutes.rules().put(key, rule);
            previous.ifPresent(mutes::forget);
            if (fresh && r.hasTags() && !r.tags().isEmpty()) {
                Map<String, String> map = new LinkedHashMap<>();
                r.tags().forEach(t -> map.put(t.key(), t.value()));
                tags.put(arn(scope, r.name()), map);
            }
            mutes.release(now);
        }
        return PutAlarmMuteRuleResponse.builder().build();
    }

    private static void validate(PutAlarmMuteRuleRequest r) {
        Violations v = new Violations();
        if (r.name() == null) {
            v.missing("name");
        }
        v.checkString("name", r.name(), 1, 255, null);
        v.checkString("description", r.description(), 0, 1024, null);
        Rule rule = r.rule();
        if (rule == null) {
            v.missing("rule");
        } else if (rule.schedule() == null) {
            v.missing("rule.schedule");
        } else {
            Schedule s = rule.schedule();
            if (s.expression() == null) {
                v.missing("rule.schedule.expression");
            }
            if (s.duration() == null) {
                v.missing("rule.schedule.duration");
            }
            v.checkString("rule.schedule.expression", s.expression(), 1, 256, null);
            v.checkString("rule.schedule.duration", s.duration(), 1, 50, null);
            v.checkString("rule.schedule.timezone", s.timezone(), 1, 50, null);
        }
        MuteTargets targets = r.muteTargets();
        if (targets != null) {
            if (!targets.hasAlarmNames()) {
                v.missing("muteTargets.alarmNames");
            } else {
                if (targets.alarmNames().size() > MAX_TARGETS) {
                    v.violated("muteTargets.alarmNames", "Member must have length less than or equal to "
                            + MAX_TARGETS);
                }
                for (int i = 0; i < targets.alarmNames().size(); i++) {
                    v.checkString("muteTargets.alarmNames." + (i + 1) + ".member", targets.alarmNames().get(i), 1,
                            255, null);
                }
            }
        }
        List<Tag> tagList = r.tags();
        AlarmValidator.tags(v, tagList);
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        if (tagList.size() > AlarmValidator.MAX_TAGS) {
            throw AlarmValidator.invalid("A resource can have at most " + AlarmValidator.MAX_TAGS + " tags.");
        }
    }

    private int count(Scope scope) {
        return mutes.rules().view().subMap(scope.keyPrefix(), scope.keyPrefix() + Character.MAX_VALUE).size();
    }

    GetAlarmMuteRuleResponse get(RequestContext context, GetAlarmMuteRuleRequest r) {
        checkRuleName(r.alarmMuteRuleName());
        Scope scope = context.scope();
        MuteRuleRecord rule = mutes.rules().get(scope.key(r.alarmMuteRuleName()))
                .orElseThrow(() -> new AwsException(AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION,
                        "Alarm mute rule " + r.alarmMuteRuleName() + " does not exist."));
        long now = clock.millis();
        MuteSchedule schedule = mutes.schedule(rule);
        return GetAlarmMuteRuleResponse.builder()
                .name(rule.name())
                .alarmMuteRuleArn(arn(scope, rule.name()))
                .description(rule.description())
                .rule(Rule.builder().schedule(Schedule.builder().expression(rule.expression())
                        .duration(rule.duration()).timezone(rule.timezone()).build()).build())
                .muteTargets(rule.alarmNames().isEmpty() ? null
                        : MuteTargets.builder().alarmNames(rule.alarmNames()).build())
                .startDate(instant(rule.startMillis()))
                .expireDate(instant(rule.expireMillis()))
                .status(rule.status(schedule, now))
                .lastUpdatedTimestamp(Instant.ofEpochMilli(rule.lastUpdatedMillis()))
                .muteType(schedule.muteType())
                .build();
    }

    ListAlarmMuteRulesResponse list(RequestContext context, ListAlarmMuteRulesRequest r) {
        Violations v = new Violations();
        v.checkString("alarmName", r.alarmName(), 1, 255, null);
        v.checkRange("maxRecords", r.maxRecords(), 1, 100);
        for (int i = 0; i < r.statusesAsStrings().size(); i++) {
            v.checkEnum("statuses." + (i + 1) + ".member", r.statusesAsStrings().get(i), STATUSES);
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        Scope scope = context.scope();
        String after = r.nextToken() == null ? scope.keyPrefix() : tokens.decode(r.nextToken())
                .filter(k -> k.startsWith(scope.keyPrefix()))
                .orElseThrow(() -> new AwsException(AwsError.CW_INVALID_NEXT_TOKEN,
                        "The service cannot decode the specified NextToken."));
        int max = r.maxRecords() == null ? 50 : r.maxRecords();
        long now = clock.millis();
        List<AlarmMuteRuleSummary> page = new ArrayList<>();
        String last = null;
        String next = null;
        for (Map.Entry<String, MuteRuleRecord> e : mutes.rules().view().tailMap(after, r.nextToken() == null)
                .entrySet()) {
            if (!e.getKey().startsWith(scope.keyPrefix())) {
                break;
            }
            MuteRuleRecord rule = e.getValue();
            MuteSchedule schedule = mutes.schedule(rule);
            String status = rule.status(schedule, now);
            if (r.alarmName() != null && !rule.alarmNames().contains(r.alarmName())
                    || !r.statusesAsStrings().isEmpty() && !r.statusesAsStrings().contains(status)) {
                continue;
            }
            if (page.size() == max) {
                next = tokens.encode(last);
                break;
            }
            page.add(AlarmMuteRuleSummary.builder()
                    .alarmMuteRuleArn(arn(scope, rule.name()))
                    .expireDate(instant(rule.expireMillis()))
                    .status(status)
                    .muteType(schedule.muteType())
                    .lastUpdatedTimestamp(Instant.ofEpochMilli(rule.lastUpdatedMillis()))
                    .build());
            last = e.getKey();
        }
        return ListAlarmMuteRulesResponse.builder().alarmMuteRuleSummaries(page).nextToken(next).build();
    }

    /** Idempotent, as AWS documents; alarms the rule was muting are unmuted at once. */
    DeleteAlarmMuteRuleResponse delete(RequestContext context, DeleteAlarmMuteRuleRequest r) {
        checkRuleName(r.alarmMuteRuleName());
        Scope scope = context.scope();
        synchronized (lock) {
            java.util.Optional<MuteRuleRecord> removed = mutes.rules().get(scope.key(r.alarmMuteRuleName()));
            if (mutes.rules().remove(scope.key(r.alarmMuteRuleName()))) {
                removed.ifPresent(mutes::forget);
                tags.remove(arn(scope, r.alarmMuteRuleName()));
                mutes.release(clock.millis());
            }
        }
        return DeleteAlarmMuteRuleResponse.builder().build();
    }

    private static void checkRuleName(String name) {
        Violations v = new Violations();
        if (name == null) {
            v.missing("alarmMuteRuleName");
        }
        v.checkString("alarmMuteRuleName", name, 1, 255, null);
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
    }

    /** Whether the mute rule an ARN names exists: for {@code MetricsService.registerTaggable}. */
    boolean exists(Scope scope, String name) {
        return mutes.rules().get(scope.key(name)).isPresent();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
