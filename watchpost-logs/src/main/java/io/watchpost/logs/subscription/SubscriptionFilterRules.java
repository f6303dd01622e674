package io.watchpost.logs.subscription;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.Scope;
import io.watchpost.logs.filter.FilterPattern;
import io.watchpost.logs.metricfilter.FilterRequestRules;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;

/** The validation of PutSubscriptionFilter: model constraints, the pattern, then the destination rules. */
final class SubscriptionFilterRules {
    static final List<String> DISTRIBUTIONS = List.of("Random", "ByLogStream");

    private SubscriptionFilterRules() {}

    /** Returns the destination kind of a valid request; throws AWS's error for an invalid one. */
    static DestinationKind validate(Scope scope, PutSubscriptionFilterRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        FilterRequestRules.checkFilterName(errors, "filterName", request.filterName(), true);
        FilterRequestRules.checkFilterPattern(errors, request.filterPattern());
        if (request.destinationArn() == null) {
            errors.missing("destinationArn");
        }
        errors.checkString("destinationArn", request.destinationArn(), 1, Integer.MAX_VALUE, null);
        errors.checkString("roleArn", request.roleArn(), 1, Integer.MAX_VALUE, null);
        errors.checkEnum("distribution", request.distributionAsString(), DISTRIBUTIONS);
        errors.checkString("fieldSelectionCriteria", request.fieldSelectionCriteria(), 0,
                FilterRequestRules.FIELD_SELECTION_MAX, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        FilterPattern.compile(request.filterPattern());
        return destination(scope, request.destinationArn(), request.roleArn());
    }

    /**
     * The destination rules, checked before the log group is looked up (AWS answered the cross-account Lambda error
     * for a group that does not exist). Messages recorded from AWS or quoted in public reports, except the one for
     * an ARN that does not parse, which is a guess.
     */
    private static DestinationKind destination(Scope scope, String destinationArn, String roleArn) {
        Arn arn = Arn.parse(destinationArn).orElseThrow(() -> invalid("Invalid destinationArn: " + destinationArn));
        DestinationKind kind = DestinationKind.of(arn).orElseThrow(() -> invalid(
                "PutSubscriptionFilter operation cannot work with destinationArn for vendor " + arn.service()));
        switch (kind) {
            case LAMBDA -> {
                if (!arn.accountId().equals(scope.accountId())) {
                    throw new AwsException(AwsError.LOGS_ACCESS_DENIED, "Cross-account lambda invocation passing is "
                            + "not allowed. You must use DestinationPolicies to create cross account lambda triggers.");
                }
            }
            case KINESIS, FIREHOSE -> {
                if (roleArn == null) {
                    throw invalid("destinationArn for vendor " + kind.vendor() + " cannot be used without roleArn");
                }
            }
            case LOGS_DESTINATION -> { }
        }
        return kind;
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.LOGS_INVALID_PARAMETER, message);
    }
}
