package io.watchpost.events.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.events.Violations;
import io.watchpost.events.targets.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * PutTargets and RemoveTargets checks: model constraints in member order (one {@code ValidationException}), then
 * EventBridge's rules for each target: a well-formed ARN, the parameter block its kind of target cannot do without,
 * at most one of Input / InputPath / InputTransformer,
 * Input as JSON, JSON paths EventBridge can evaluate, no variable named like a predefined one.
 */
final class TargetValidation {
    private static final Pattern PATH_KEY = Pattern.compile("[A-Za-z0-9\\_\\-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetValidation() {}

    static void putTargets(PutTargetsRequest request) {
        Violations v = RuleValidation.name(new Violations(), "rule", request.rule(), true);
        RuleValidation.bus(v, "eventBusName", request.eventBusName());
        v.required("targets", request.hasTargets() ? request.targets() : null);
        List<Target> targets = request.hasTargets() ? request.targets() : List.of();
        listSize(v, "targets", targets, 100);
        for (int i = 0; i < targets.size(); i++) {
            target(v, "targets." + (i + 1) + ".member", targets.get(i));
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
        targets.forEach(TargetValidation::semantics);
    }

    static void removeTargets(RemoveTargetsRequest request) {
        Violations v = RuleValidation.name(new Violations(), "rule", request.rule(), true);
        RuleValidation.bus(v, "eventBusName", request.eventBusName());
        v.required("ids", request.hasIds() ? request.ids() : null);
        List<String> ids = request.hasIds() ? request.ids() : List.of();
        listSize(v, "ids", ids, 100);
        for (int i = 0; i < ids.size(); i++) {
            v.length("ids." + (i + 1) + ".member", ids.get(i), 1, 64)
                    .pattern("ids." + (i + 1) + ".member", ids.get(i), RuleValidation.RULE_NAME);
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    private static void listSize(Violations v, String path, List<?> list, int max) {
        if (list.size() > max) {
            v.custom("Value '" + list + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    private static void target(Violations v, String path, Target t) {
        if (t == null) {
            v.required(path, null);
            return;
        }
        v.required(path + ".id", t.id()).length(path + ".id", t.id(), 1, 64)
                .pattern(path + ".id", t.id(), RuleValidation.RULE_NAME)
                .required(path + ".arn", t.arn()).length(path + ".arn", t.arn(), 1, 1600)
                .length(path + ".roleArn", t.roleArn(), 1, 1600)
                .length(path + ".input", t.input(), 0, 8192)
                .length(path + ".inputPath", t.inputPath(), 0, 256);
        if (t.inputTransformer() != null) {
            InputTransformer x = t.inputTransformer();
            v.required(path + ".inputTransformer.inputTemplate", x.inputTemplate())
                    .length(path + ".inputTransformer.inputTemplate", x.inputTemplate(), 1, 8192);
            if (x.hasInputPathsMap()) {
                for (Map.Entry<String, String> e : x.inputPathsMap().entrySet()) {
                    String at = path + ".inputTransformer.inputPathsMap";
                    v.length(at, e.getKey(), 1, 256).pattern(at, e.getKey(), PATH_KEY).length(at, e.getValue(), 0, 256);
                }
            }
        }
        if (t.retryPolicy() != null) {
            v.range(path + ".retryPolicy.maximumRetryAttempts", t.retryPolicy().maximumRetryAttempts(), 0, 185)
                    .range(path + ".retryPolicy.maximumEventAgeInSeconds",
                            t.retryPolicy().maximumEventAgeInSeconds(), 60, 86400);
        }
        if (t.deadLetterConfig() != null) {
            v.length(path + ".deadLetterConfig.arn", t.deadLetterConfig().arn(), 1, 1600);
        }
    }

    private static void semantics(Target t) {
        Arn arn = Arn.parse(t.arn()).orElseThrow(() -> validation("Parameter " + t.arn()
                + " is not valid. Reason: Provided Arn is not in correct format."));
        requiredParameters(t, arn);
        int inputs = (t.input() != null ? 1 : 0) + (t.inputPath() != null ? 1 : 0) + (t.inputTransformer() != null ? 1 : 0);
        if (inputs > 1) {
            throw validation("Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + t.id() + ".");
        }
        if (t.input() != null && !isJson(t.input())) {
            throw validation("Input for target " + t.id() + " is not valid JSON text.");
        }
        if (t.inputPath() != null && JsonPath.parse(t.inputPath()).isEmpty()) {
            throw validation("InputPath for target " + t.id() + " is invalid.");
        }
        if (t.inputTransformer() != null && t.inputTransformer().hasInputPathsMap()) {
            t.inputTransformer().inputPathsMap().forEach((name, path) -> {
                if (JsonPath.parse(path).isEmpty()) {
                    throw validation("InputPathsMap for target " + t.id() + " contains invalid JSONPath " + path + ".");
                }
                if (name.startsWith("aws.events.")) {
                    throw validation("InputTransformer for target " + t.id() + " uses a reserved variable name "
                            + name + ".");
                }
            });
        }
    }

    /**
     * Targets whose call cannot be made without a parameter block: an ECS cluster (EcsParameters: the task
     * definition), a Batch job queue (BatchParameters: the job definition and name) and a FIFO queue
     * (SqsParameters: the message group).
     */
    private static void requiredParameters(Target t, Arn arn) {
        String missing = switch (arn.service()) {
            case "ecs" -> t.ecsParameters() == null ? "EcsParameters" : null;
            case "batch" -> t.batchParameters() == null ? "BatchParameters" : null;
            case "sqs" -> arn.resource().endsWith(".fifo") && t.sqsParameters() == null ? "SqsParameters" : null;
            default -> null;
        };
        if (missing != null) {
            throw validation("Parameter(s) " + missing + " must be specified for target: " + t.id() + ".");
        }
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static AwsException validation(String message) {
        return new AwsException(AwsError.EVENTS_VALIDATION, message);
    }
}
