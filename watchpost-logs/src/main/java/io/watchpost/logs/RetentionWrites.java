package io.watchpost.logs;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * PutRetentionPolicy and DeleteRetentionPolicy: they only change the group's record. The events service reads the
 * retention from there on every read (expired events are invisible at once) and deletes expired data on its
 * scheduled task.
 */
final class RetentionWrites {
    /** The {@code Days} values of the botocore logs model (2014-03-28), in its order. */
    static final List<Integer> ALLOWED_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final StateTable<LogGroupRecord> groups;

    RetentionWrites(StateTable<LogGroupRecord> groups) {
        this.groups = requireNonNull(groups, "groups is null");
    }

    PutRetentionPolicyResponse put(RequestContext context, PutRetentionPolicyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        LogGroupRules.checkName(errors, "logGroupName", request.logGroupName());
        Integer days = request.retentionInDays();
        if (days == null) {
            errors.missing("retentionInDays");
        } else if (!ALLOWED_DAYS.contains(days)) {
            errors.violated("retentionInDays", "Member must satisfy enum value set: " + ALLOWED_DAYS);
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        update(context, request.logGroupName(), days);
        return PutRetentionPolicyResponse.builder().build();
    }

    DeleteRetentionPolicyResponse delete(RequestContext context, DeleteRetentionPolicyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        LogGroupRules.checkName(errors, "logGroupName", request.logGroupName());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        update(context, request.logGroupName(), null);
        return DeleteRetentionPolicyResponse.builder().build();
    }

    private void update(RequestContext context, String name, Integer days) {
        String key = context.scope().key(name);
        LogGroupRecord group = groups.get(key).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist."));
        groups.put(key, group.withRetention(days));
    }
}
