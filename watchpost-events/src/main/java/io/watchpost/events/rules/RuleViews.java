package io.watchpost.events.rules;

import io.watchpost.core.Scope;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/** Renders stored rules as the SDK shapes EventBridge answers with; absent members stay absent. */
final class RuleViews {
    private RuleViews() {}

    static DescribeRuleResponse described(Scope scope, RuleRecord rule) {
        return DescribeRuleResponse.builder()
                .name(rule.name())
                .arn(RuleKeys.arn(scope, rule.eventBusName(), rule.name()))
                .eventPattern(rule.eventPattern())
                .scheduleExpression(rule.scheduleExpression())
                .state(rule.state())
                .description(rule.description())
                .roleArn(rule.roleArn())
                .eventBusName(rule.eventBusName())
                .createdBy(rule.createdBy())
                .managedBy(rule.managedBy())
                .build();
    }

    static Rule listed(Scope scope, RuleRecord rule) {
        return Rule.builder()
                .name(rule.name())
                .arn(RuleKeys.arn(scope, rule.eventBusName(), rule.name()))
                .eventPattern(rule.eventPattern())
                .state(rule.state())
                .description(rule.description())
                .scheduleExpression(rule.scheduleExpression())
                .roleArn(rule.roleArn())
                .eventBusName(rule.eventBusName())
                .managedBy(rule.managedBy())
                .build();
    }
}
