package io.watchpost.logs;

import io.watchpost.core.ConstraintViolations;
import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.time.Clock;
import io.watchpost.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;

/** CreateLogGroup and DeleteLogGroup. */
final class LogGroupWrites {
    private final StateTable<LogGroupRecord> groups;
    private final Clock clock;
    private final List<BiConsumer<Scope, String>> deletionListeners;

    LogGroupWrites(StateTable<LogGroupRecord> groups, Clock clock, List<BiConsumer<Scope, String>> deletionListeners) {
        this.groups = requireNonNull(groups, "groups is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.deletionListeners = requireNonNull(deletionListeners, "deletionListeners is null");
    }

    CreateLogGroupResponse create(RequestContext context, CreateLogGroupRequest request) {
        validate(request);
        String name = request.logGroupName();
        // AWS reserves the prefix case-insensitively ("aws/x" is refused with this message) but allows "/aws/...".
        if (name.regionMatches(true, 0, "aws/", 0, 4)) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Log groups starting with AWS/ are reserved for AWS.");
        }
        LogGroupRecord group = new LogGroupRecord(
                name,
                clock.millis(),
                request.kmsKeyId(),
                request.hasTags() ? request.tags() : Map.of(),
                request.logGroupClassAsString() == null ? "STANDARD" : request.logGroupClassAsString(),
                Boolean.TRUE.equals(request.deletionProtectionEnabled()),
                null);
        if (groups.putIfAbsent(context.scope().key(name), group).isPresent()) {
            throw new AwsException(AwsError.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log group already exists");
        }
        return CreateLogGroupResponse.builder().build();
    }

    DeleteLogGroupResponse delete(RequestContext context, DeleteLogGroupRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        LogGroupRules.checkName(errors, "logGroupName", request.logGroupName());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        String key = context.scope().key(request.logGroupName());
        LogGroupRecord group = groups.get(key).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist."));
        if (group.deletionProtectionEnabled()) {
            throw new AwsException(AwsError.LOGS_VALIDATION,
                    "Cannot delete log group with deletion protection enabled. Disable deletion protection first.");
        }
        groups.remove(key);
        deletionListeners.forEach(listener -> listener.accept(context.scope(), request.logGroupName()));
        return DeleteLogGroupResponse.builder().build();
    }

    private static void validate(CreateLogGroupRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        LogGroupRules.checkName(errors, "logGroupName", request.logGroupName());
        errors.checkString("kmsKeyId", request.kmsKeyId(), 0, LogGroupRules.KMS_KEY_MAX, null);
        if (request.hasTags()) {
            LogGroupRules.checkTags(errors, request.tags());
        }
        errors.checkEnum("logGroupClass", request.logGroupClassAsString(), LogGroupRules.CLASSES);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }
}
