package io.watchpost.events.rules;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.events.Violations;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;

/**
 * PutRule's checks: the model constraints in member order, then EventBridge's own rules (a pattern or a schedule
 * is required; schedules only on the default bus; the schedule must parse).
 */
final class RulePutValidation {
    private RulePutValidation() {}

    static void check(PutRuleRequest request) {
        Violations v = RuleValidation.name(new Violations(), "name", request.name(), true)
                .length("scheduleExpression", request.scheduleExpression(), 0, 256)
                .length("eventPattern", request.eventPattern(), 0, 4096)
                .oneOf("state", request.stateAsString(), RuleValidation.STATES)
                .length("description", request.description(), 0, 512)
                .length("roleArn", request.roleArn(), 1, 1600);
        if (request.hasTags()) {
            io.watchpost.events.Tags.check(v, "tags", request.tags());
        }
        RuleValidation.bus(v, "eventBusName", request.eventBusName()).throwIfAny(AwsError.EVENTS_VALIDATION);
        if (request.eventPattern() == null && request.scheduleExpression() == null) {
            throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (request.scheduleExpression() != null) {
            if (!BusResolver.nameOf(request.eventBusName()).equals(BusResolver.DEFAULT)) {
                throw validation("ScheduleExpression is supported only on the default event bus.");
            }
            if (!ScheduleExpressions.valid(request.scheduleExpression())) {
                throw validation("Parameter ScheduleExpression is not valid.");
            }
        }
    }

    private static AwsException validation(String message) {
        return new AwsException(AwsError.EVENTS_VALIDATION, message);
    }
}
