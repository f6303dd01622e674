package io.watchpost.logs;

import io.watchpost.core.Scope;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Renders a stored log group as the DescribeLogGroups {@code LogGroup} shape. */
final class LogGroupView {
    private LogGroupView() {}

    /** {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}, the form IAM policies use. */
    static String arn(Scope scope, String name) {
        return logGroupArn(scope, name) + ":*";
    }

    /** {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME}, the form tagging and identifiers use. */
    static String logGroupArn(Scope scope, String name) {
        return scope.arn("logs", "log-group:" + name).toString();
    }

    static LogGroup full(Scope scope, LogGroupRecord group, int metricFilterCount, long storedBytes) {
        LogGroup.Builder builder = LogGroup.builder()
                .logGroupName(group.logGroupName())
                .creationTime(group.creationTime())
                .metricFilterCount(metricFilterCount)
                .arn(arn(scope, group.logGroupName()))
                .storedBytes(storedBytes)
                .logGroupClass(group.logGroupClass())
                .logGroupArn(logGroupArn(scope, group.logGroupName()))
                .deletionProtectionEnabled(group.deletionProtectionEnabled());
        group.retention().ifPresent(builder::retentionInDays);
        group.kmsKey().ifPresent(builder::kmsKeyId);
        return builder.build();
    }

    /**
     * A logGroupNamePattern search answers fewer fields. The API reference names only {@code arn},
     * {@code creationTime} and {@code logGroupName}; a 2026 recording of AWS also has {@code logGroupArn},
     * {@code logGroupClass} and {@code metricFilterCount}, and lacks {@code storedBytes} and
     * {@code deletionProtectionEnabled}. We follow the recording.
     */
    static LogGroup patternMatch(Scope scope, LogGroupRecord group, int metricFilterCount) {
        return LogGroup.builder()
                .logGroupName(group.logGroupName())
                .creationTime(group.creationTime())
                .metricFilterCount(metricFilterCount)
                .arn(arn(scope, group.logGroupName()))
                .logGroupClass(group.logGroupClass())
                .logGroupArn(logGroupArn(scope, group.logGroupName()))
                .build();
    }
}
