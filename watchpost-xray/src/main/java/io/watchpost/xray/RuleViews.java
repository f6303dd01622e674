package io.watchpost.xray;

import io.watchpost.core.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.xray.model.SamplingRateBoost;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;

/** Renders stored rules as the {@code SamplingRuleRecord} X-Ray answers with. */
final class RuleViews {
    private RuleViews() {}

    static String arn(Scope scope, String name) {
        return scope.arn("xray", "sampling-rule/" + name).toString();
    }

    static SamplingRuleRecord record(Scope scope, RuleRecord rule) {
        return SamplingRuleRecord.builder()
                .samplingRule(rule(scope, rule))
                .createdAt(Instant.ofEpochMilli(rule.createdMillis()))
                .modifiedAt(Instant.ofEpochMilli(rule.modifiedMillis()))
                .build();
    }

    private static SamplingRule rule(Scope scope, RuleRecord rule) {
        return SamplingRule.builder()
                .ruleName(rule.name())
                .ruleARN(arn(scope, rule.name()))
                .resourceARN(rule.resourceArn())
                .priority(rule.priority())
                .fixedRate(rule.fixedRate())
                .reservoirSize(rule.reservoirSize())
                .serviceName(rule.serviceName())
                .serviceType(rule.serviceType())
                .host(rule.host())
                .httpMethod(rule.httpMethod())
                .urlPath(rule.urlPath())
                .version(rule.version())
                .attributes(rule.attributes())
                .samplingRateBoost(boost(rule))
                .build();
    }

    private static SamplingRateBoost boost(RuleRecord rule) {
        if (rule.boostMaxRate() == null) {
            return null;
        }
        return SamplingRateBoost.builder()
                .maxRate(rule.boostMaxRate())
                .cooldownWindowMinutes(rule.boostCooldownMinutes())
                .build();
    }
}
