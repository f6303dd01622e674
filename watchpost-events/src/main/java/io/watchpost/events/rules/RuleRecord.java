package io.watchpost.events.rules;

import static java.util.Objects.requireNonNull;

import io.watchpost.events.targets.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule as persisted in the {@code events.rules} state table, keyed by {@link RuleKeys#key}. Optional members are
 * {@code null} when absent. The rule's targets live inside it, in the order PutTargets first saw them, so that a
 * PutTargets or RemoveTargets call is one atomic, durable change. {@code managedBy} names the AWS service that
 * manages the rule on the account's behalf (an archive's {@code Events-Archive-*} rule), null for the account's own.
 */
record RuleRecord(
        String name,
        String eventBusName,
        String eventPattern,
        String scheduleExpression,
        String state,
        String description,
        String roleArn,
        String createdBy,
        Map<String, String> tags,
        List<Target> targets,
        String managedBy) {
    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";
    static final String ENABLED_WITH_CLOUDTRAIL = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

    RuleRecord {
        requireNonNull(name, "name is null");
        requireNonNull(eventBusName, "eventBusName is null");
        requireNonNull(state, "state is null");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    boolean managed() {
        return managedBy != null;
    }

    /** Disabled rules never match; both enabled states do. */
    boolean enabled() {
        return !state.equals(DISABLED);
    }

    RuleRecord withState(String newState) {
        return new RuleRecord(name, eventBusName, eventPattern, scheduleExpression, newState, description, roleArn,
                createdBy, tags, targets, managedBy);
    }

    RuleRecord withTags(Map<String, String> newTags) {
        return new RuleRecord(name, eventBusName, eventPattern, scheduleExpression, state, description, roleArn,
                createdBy, newTags, targets, managedBy);
    }

    RuleRecord withTargets(List<Target> newTargets) {
        return new RuleRecord(name, eventBusName, eventPattern, scheduleExpression, state, description, roleArn,
                createdBy, tags, newTargets, managedBy);
    }
}
