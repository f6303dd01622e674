package io.watchpost.events.targets;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target of a rule as stored (inside the rule's record in the state journal) and as handed to
 * {@link TargetDelivery}. Optional members are {@code null} when absent: the record is a persisted JSON document,
 * like the other state records of this module. At most one of {@code input}, {@code inputPath} and
 * {@code inputTransformer} is set (PutTargets enforces it).
 *
 * @param id the target id, unique within its rule
 * @param arn where the payload goes (log group, bus, API destination, or an ARN mapped to HTTP by configuration)
 * @param retryPolicy AWS defaults apply when null: 185 attempts, 24 hours
 * @param deadLetterArn the SQS queue AWS would send undeliverable events to
 */
public record Target(
        String id,
        String arn,
        String roleArn,
        String input,
        String inputPath,
        InputTransformer inputTransformer,
        RetryPolicy retryPolicy,
        String deadLetterArn,
        String sqsMessageGroupId,
        String kinesisPartitionKeyPath,
        HttpParameters httpParameters) {
    public Target {
        requireNonNull(id, "id is null");
        requireNonNull(arn, "arn is null");
    }

    /** {@code InputPathsMap} (variable name to JSON path, in the caller's order) and {@code InputTemplate}. */
    public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
        public InputTransformer {
            inputPathsMap = inputPathsMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputPathsMap));
            requireNonNull(inputTemplate, "inputTemplate is null");
        }
    }

    /** {@code MaximumRetryAttempts} (0-185) and {@code MaximumEventAgeInSeconds} (60-86400); null means AWS's default. */
    public record RetryPolicy(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds) {}

    /** API destination / API Gateway parameters: path parameter values, headers and query string. */
    public record HttpParameters(List<String> pathParameterValues, Map<String, String> headerParameters,
            Map<String, String> queryStringParameters) {
        public HttpParameters {
            pathParameterValues = pathParameterValues == null ? List.of() : List.copyOf(pathParameterValues);
            headerParameters = headerParameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headerParameters));
            queryStringParameters = queryStringParameters == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(queryStringParameters));
        }
    }
}
