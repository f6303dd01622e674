package io.watchpost.events.rules;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.events.Violations;
import io.watchpost.events.targets.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;

/**
 * PutTargets, RemoveTargets and ListTargetsByRule. A rule holds at most {@link #MAX_TARGETS_PER_RULE} targets
 * (AWS's quota); PutTargets replaces a target with the same id in place and appends new ones, so ListTargetsByRule
 * answers in the order targets were first put.
 */
final class TargetOperations {
    static final int MAX_TARGETS_PER_RULE = 5;

    private final EventRulesService service;

    TargetOperations(EventRulesService service) {
        this.service = service;
    }

    PutTargetsResponse putTargets(RequestContext context, PutTargetsRequest request) {
        TargetValidation.putTargets(request);
        Scope scope = context.scope();
        synchronized (service.writeLock) {
            RuleRecord rule = service.existingRule(scope, request.rule(), request.eventBusName());
            EventRulesService.refuseManaged(rule, "PutTargets", false);
            Map<String, Target> merged = new LinkedHashMap<>();
            rule.targets().forEach(t -> merged.put(t.id(), t));
            request.targets().forEach(t -> merged.put(t.id(), TargetConversions.stored(t)));
            if (merged.size() > MAX_TARGETS_PER_RULE) {
                throw new AwsException(AwsError.EVENTS_LIMIT_EXCEEDED,
                        "The requested resource exceeds the maximum number allowed.");
            }
            service.rules.put(RuleKeys.key(scope, rule.eventBusName(), rule.name()),
                    rule.withTargets(new ArrayList<>(merged.values())));
        }
        return PutTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    RemoveTargetsResponse removeTargets(RequestContext context, RemoveTargetsRequest request) {
        TargetValidation.removeTargets(request);
        Scope scope = context.scope();
        synchronized (service.writeLock) {
            RuleRecord rule = service.existingRule(scope, request.rule(), request.eventBusName());
            EventRulesService.refuseManaged(rule, "RemoveTargets", Boolean.TRUE.equals(request.force()));
            Set<String> ids = new HashSet<>(request.ids());
            List<Target> kept = rule.targets().stream().filter(t -> !ids.contains(t.id())).toList();
            // Ids the rule does not have are ignored, as in EventBridge.
            if (kept.size() != rule.targets().size()) {
                service.rules.put(RuleKeys.key(scope, rule.eventBusName(), rule.name()), rule.withTargets(kept));
            }
        }
        return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    ListTargetsByRuleResponse listTargetsByRule(RequestContext context, ListTargetsByRuleRequest request) {
        Violations v = RuleValidation.name(new Violations(), "rule", request.rule(), true);
        RuleValidation.page(RuleValidation.bus(v, "eventBusName", request.eventBusName()),
                request.nextToken(), request.limit()).throwIfAny(AwsError.EVENTS_VALIDATION);
        RuleRecord rule = service.existingRule(context.scope(), request.rule(), request.eventBusName());
        String after = service.after(request.nextToken());
        int from = after == null ? 0 : position(rule, after);
        int limit = EventRulesService.limit(request.limit());
        List<Target> targets = rule.targets();
        int to = Math.min(targets.size(), from + limit);
        ListTargetsByRuleResponse.Builder response = ListTargetsByRuleResponse.builder()
                .targets(targets.subList(from, to).stream().map(TargetConversions::view).toList());
        if (to < targets.size()) {
            response.nextToken(service.pageTokens.encode(targets.get(to - 1).id()));
        }
        return response.build();
    }

    /** The index after the target {@code afterId}; a token naming a target removed since resumes at the end. */
    private static int position(RuleRecord rule, String afterId) {
        for (int i = 0; i < rule.targets().size(); i++) {
            if (rule.targets().get(i).id().equals(afterId)) {
                return i + 1;
            }
        }
        return rule.targets().size();
    }
}
