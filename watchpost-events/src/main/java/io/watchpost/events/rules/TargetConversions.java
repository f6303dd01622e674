package io.watchpost.events.rules;

import io.watchpost.events.targets.Target;

/** Between the SDK's {@code Target} shape and the stored {@link Target}; members Watchpost does not keep are dropped. */
final class TargetConversions {
    private TargetConversions() {}

    static Target stored(software.amazon.awssdk.services.eventbridge.model.Target t) {
        return new Target(t.id(), t.arn(), t.roleArn(), t.input(), t.inputPath(),
                t.inputTransformer() == null ? null : new Target.InputTransformer(
                        t.inputTransformer().hasInputPathsMap() ? t.inputTransformer().inputPathsMap() : null,
                        t.inputTransformer().inputTemplate()),
                t.retryPolicy() == null ? null : new Target.RetryPolicy(t.retryPolicy().maximumRetryAttempts(),
                        t.retryPolicy().maximumEventAgeInSeconds()),
                t.deadLetterConfig() == null ? null : t.deadLetterConfig().arn(),
                t.sqsParameters() == null ? null : t.sqsParameters().messageGroupId(),
                t.kinesisParameters() == null ? null : t.kinesisParameters().partitionKeyPath(),
                t.httpParameters() == null ? null : new Target.HttpParameters(
                        t.httpParameters().hasPathParameterValues() ? t.httpParameters().pathParameterValues() : null,
                        t.httpParameters().hasHeaderParameters() ? t.httpParameters().headerParameters() : null,
                        t.httpParameters().hasQueryStringParameters() ? t.httpParameters().queryStringParameters() : null));
    }

    static software.amazon.awssdk.services.eventbridge.model.Target view(Target t) {
        var builder = software.amazon.awssdk.services.eventbridge.model.Target.builder()
                .id(t.id()).arn(t.arn()).roleArn(t.roleArn()).input(t.input()).inputPath(t.inputPath());
        if (t.inputTransformer() != null) {
            builder.inputTransformer(x -> {
                x.inputTemplate(t.inputTransformer().inputTemplate());
                if (!t.inputTransformer().inputPathsMap().isEmpty()) {
                    x.inputPathsMap(t.inputTransformer().inputPathsMap());
                }
            });
        }
        if (t.retryPolicy() != null) {
            builder.retryPolicy(r -> r.maximumRetryAttempts(t.retryPolicy().maximumRetryAttempts())
                    .maximumEventAgeInSeconds(t.retryPolicy().maximumEventAgeInSeconds()));
        }
        if (t.deadLetterArn() != null) {
            builder.deadLetterConfig(d -> d.arn(t.deadLetterArn()));
        }
        if (t.sqsMessageGroupId() != null) {
            builder.sqsParameters(s -> s.messageGroupId(t.sqsMessageGroupId()));
        }
        if (t.kinesisPartitionKeyPath() != null) {
            builder.kinesisParameters(k -> k.partitionKeyPath(t.kinesisPartitionKeyPath()));
        }
        if (t.httpParameters() != null) {
            Target.HttpParameters h = t.httpParameters();
            builder.httpParameters(p -> {
                if (!h.pathParameterValues().isEmpty()) {
                    p.pathParameterValues(h.pathParameterValues());
                }
                if (!h.headerParameters().isEmpty()) {
                    p.headerParameters(h.headerParameters());
                }
                if (!h.queryStringParameters().isEmpty()) {
                    p.queryStringParameters(h.queryStringParameters());
                }
            });
        }
        return builder.build();
    }
}
