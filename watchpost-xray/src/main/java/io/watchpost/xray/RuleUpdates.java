package io.watchpost.xray;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.xray.model.SamplingRateBoost;
import software.amazon.awssdk.services.xray.model.SamplingRuleUpdate;

/** How a rule is named in a request (by name or ARN) and how a partial update applies to it. */
final class RuleUpdates {
    private static final String ARN_RESOURCE_PREFIX = "sampling-rule/";

    private RuleUpdates() {}

    /**
     * The name of the rule a request means. An ARN names a rule only in the caller's own account and region;
     * a name and an ARN given together must agree.
     */
    static String ruleName(Scope scope, String name, String arn) {
        if (name == null && arn == null) {
            throw RuleValidation.invalid("RuleName or RuleARN is required");
        }
        String fromArn = arn == null ? null : nameFromArn(scope, arn);
        if (name != null && fromArn != null && !name.equals(fromArn)) {
            throw RuleValidation.invalid("RuleName and RuleARN do not refer to the same sampling rule");
        }
        return name != null ? name : fromArn;
    }

    /** The rule with every member the update carries replaced; tags and creation time are kept. */
    static RuleRecord apply(RuleRecord rule, SamplingRuleUpdate update, long nowMillis) {
        if (rule.defaultRule()) {
            checkDefaultUpdate(update);
        }
        SamplingRateBoost boost = update.samplingRateBoost();
        return new RuleRecord(
                rule.name(),
                or(update.resourceARN(), rule.resourceArn()),
                or(update.priority(), rule.priority()),
                or(update.fixedRate(), rule.fixedRate()),
                or(update.reservoirSize(), rule.reservoirSize()),
                or(update.serviceName(), rule.serviceName()),
                or(update.serviceType(), rule.serviceType()),
                or(update.host(), rule.host()),
                or(update.httpMethod(), rule.httpMethod()),
                or(update.urlPath(), rule.urlPath()),
                rule.version(),
                update.hasAttributes() ? update.attributes() : rule.attributes(),
                boost == null ? rule.boostMaxRate() : boost.maxRate(),
                boost == null ? rule.boostCooldownMinutes() : boost.cooldownWindowMinutes(),
                rule.tags(),
                rule.createdMillis(),
                nowMillis);
    }

    static AwsException notFound() {
        return RuleValidation.invalid("SamplingRule does not exist");
    }

    /** X-Ray lets the Default rule change only its fixed rate and reservoir size. */
    private static void checkDefaultUpdate(SamplingRuleUpdate update) {
        boolean otherMembers = update.hasAttributes() || Stream.of(update.resourceARN(), update.priority(),
                update.host(), update.serviceName(), update.serviceType(), update.httpMethod(), update.urlPath(),
                update.samplingRateBoost()).anyMatch(Objects::nonNull);
        if (otherMembers) {
            throw RuleValidation.invalid("Invalid update request for default sampling rule");
        }
    }

    private static String nameFromArn(Scope scope, String text) {
        Arn arn = Arn.parse(text).orElseThrow(RuleUpdates::notFound);
        if (!arn.service().equals("xray") || !arn.resource().startsWith(ARN_RESOURCE_PREFIX)
                || !arn.scope().equals(scope)) {
            throw notFound();
        }
        return arn.resource().substring(ARN_RESOURCE_PREFIX.length());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
