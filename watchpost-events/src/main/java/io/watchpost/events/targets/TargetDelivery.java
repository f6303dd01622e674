package io.watchpost.events.targets;

import io.watchpost.core.Scope;

/**
 * Delivers one transformed event to one target. Called from the {@link DeliveryQueue} worker, never on the request
 * path. Implementations throw to signal a failed attempt; the queue logs it (retries and dead-letter queues are
 * the wiring's concern for now).
 */
public interface TargetDelivery {
    /**
     * @param scope the account and region of the rule
     * @param rule the rule whose target this is
     * @param target the target as configured
     * @param payload exactly what AWS would deliver: the event, {@code Input}, the {@code InputPath} selection or
     *     the transformer's output
     */
    void deliver(Scope scope, RuleRef rule, Target target, String payload) throws Exception;

    /**
     * Delivers with message attributes: used for dead-letter queues, which receive AWS's attributes
     * ({@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE},
     * {@code EXHAUSTED_RETRY_CONDITION}, {@code RETRY_ATTEMPTS}). An SQS-mapped implementation should send them as
     * SQS message attributes; the default drops them.
     */
    default void deliver(Scope scope, RuleRef rule, Target target, String payload,
            java.util.Map<String, String> messageAttributes) throws Exception {
        deliver(scope, rule, target, payload);
    }

    TargetDelivery NONE = (scope, rule, target, payload) -> {};

    /** The rule a delivery comes from (for dead-letter attributes and metrics). */
    record RuleRef(String eventBusName, String ruleName, String ruleArn) {
        public RuleRef {
            java.util.Objects.requireNonNull(eventBusName, "eventBusName is null");
            java.util.Objects.requireNonNull(ruleName, "ruleName is null");
            java.util.Objects.requireNonNull(ruleArn, "ruleArn is null");
        }
    }
}
