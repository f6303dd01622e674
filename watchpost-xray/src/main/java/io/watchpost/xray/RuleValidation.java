package io.watchpost.xray;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.SamplingRateBoost;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleUpdate;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleRequest;

/**
 * X-Ray's checks on sampling-rule requests: the model constraints (botocore {@code xray/2016-04-12}, in member
 * order, members named as AWS names them in messages) and then the service's own rules: a rule needs a name,
 * rule format version 1 is the only one, and rules can only match the resource ARN {@code *}. X-Ray answers every
 * bad parameter with {@code InvalidRequestException}.
 */
final class RuleValidation {
    private RuleValidation() {}

    static void create(CreateSamplingRuleRequest request) {
        SamplingRule rule = request.samplingRule();
        Violations violations = new Violations().required("samplingRule", rule);
        if (rule != null) {
            ruleConstraints(violations, rule);
        }
        tags(violations, request);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (rule.ruleName() == null) {
            throw invalid("RuleName is required");
        }
        if (rule.version() != 1) {
            throw invalid("Version must be 1");
        }
        resourceArn(rule.resourceARN());
    }

    static void update(UpdateSamplingRuleRequest request) {
        SamplingRuleUpdate update = request.samplingRuleUpdate();
        Violations violations = new Violations().required("samplingRuleUpdate", update);
        if (update != null) {
            updateConstraints(violations, update);
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        resourceArn(update.resourceARN());
    }

    private static void ruleConstraints(Violations violations, SamplingRule rule) {
        String p = "samplingRule.";
        violations.length(p + "ruleName", rule.ruleName(), 1, 32)
                .required(p + "resourceARN", rule.resourceARN())
                .length(p + "resourceARN", rule.resourceARN(), 0, 500)
                .required(p + "priority", rule.priority())
                .range(p + "priority", rule.priority(), 1, 9999)
                .required(p + "fixedRate", rule.fixedRate())
                .range(p + "fixedRate", rule.fixedRate(), 0.0, 1.0)
                .required(p + "reservoirSize", rule.reservoirSize())
                .range(p + "reservoirSize", rule.reservoirSize(), 0, Integer.MAX_VALUE)
                .required(p + "serviceName", rule.serviceName())
                .length(p + "serviceName", rule.serviceName(), 0, 64)
                .required(p + "serviceType", rule.serviceType())
                .length(p + "serviceType", rule.serviceType(), 0, 64)
                .required(p + "host", rule.host())
                .length(p + "host", rule.host(), 0, 64)
                .required(p + "hTTPMethod", rule.httpMethod())
                .length(p + "hTTPMethod", rule.httpMethod(), 0, 10)
                .required(p + "uRLPath", rule.urlPath())
                .length(p + "uRLPath", rule.urlPath(), 0, 128)
                .required(p + "version", rule.version())
                .range(p + "version", rule.version(), 1, Integer.MAX_VALUE)
                .stringMap(p + "attributes", rule.hasAttributes() ? rule.attributes() : null, 5, 1, 32);
        boost(violations, p + "samplingRateBoost", rule.samplingRateBoost());
    }

    /**
     * The update shape leaves priority, rate and reservoir unconstrained in the model; the service holds them to
     * the same ranges as a new rule.
     */
    private static void updateConstraints(Violations violations, SamplingRuleUpdate update) {
        String p = "samplingRuleUpdate.";
        violations.length(p + "ruleName", update.ruleName(), 1, 32)
                .length(p + "resourceARN", update.resourceARN(), 0, 500)
                .range(p + "priority", update.priority(), 1, 9999)
                .range(p + "fixedRate", update.fixedRate(), 0.0, 1.0)
                .range(p + "reservoirSize", update.reservoirSize(), 0, Integer.MAX_VALUE)
                .length(p + "host", update.host(), 0, 64)
                .length(p + "serviceName", update.serviceName(), 0, 64)
                .length(p + "serviceType", update.serviceType(), 0, 64)
                .length(p + "hTTPMethod", update.httpMethod(), 0, 10)
                .length(p + "uRLPath", update.urlPath(), 0, 128)
                .stringMap(p + "attributes", update.hasAttributes() ? update.attributes() : null, 5, 1, 32);
        boost(violations, p + "samplingRateBoost", update.samplingRateBoost());
    }

    private static void boost(Violations violations, String path, SamplingRateBoost boost) {
        if (boost != null) {
            violations.required(path + ".maxRate", boost.maxRate())
                    .range(path + ".maxRate", boost.maxRate(), 0.0, 1.0)
                    .required(path + ".cooldownWindowMinutes", boost.cooldownWindowMinutes())
                    .range(path + ".cooldownWindowMinutes", boost.cooldownWindowMinutes(), 0, Integer.MAX_VALUE);
        }
    }

    private static void tags(Violations violations, CreateSamplingRuleRequest request) {
        if (!request.hasTags()) {
            return;
        }
        List<Tag> tags = request.tags();
        violations.size("tags", tags, 200);
        for (int i = 0; i < tags.size(); i++) {
            String path = "tags." + (i + 1) + ".member";
            Tag tag = tags.get(i);
            violations.required(path, tag);
            if (tag != null) {
                violations.required(path + ".key", tag.key())
                        .length(path + ".key", tag.key(), 1, 128)
                        .required(path + ".value", tag.value())
                        .length(path + ".value", tag.value(), 0, 256);
            }
        }
    }

    private static void resourceArn(String resourceArn) {
        if (resourceArn != null && !resourceArn.equals("*")) {
            throw invalid("ResourceARN must be *");
        }
    }

    static AwsException invalid(String message) {
        return new AwsException(AwsError.XRAY_INVALID_REQUEST, message);
    }
}
