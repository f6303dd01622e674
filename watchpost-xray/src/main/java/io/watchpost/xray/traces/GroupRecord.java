package io.watchpost.xray.traces;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import software.amazon.awssdk.services.xray.model.Group;
import software.amazon.awssdk.services.xray.model.GroupSummary;
import software.amazon.awssdk.services.xray.model.InsightsConfiguration;

/**
 * One X-Ray group as the {@code xray.groups} state table stores it (key {@code <account>/<region>/<name>}).
 * {@code filterExpression} is empty when the group has none (it then selects every trace).
 */
record GroupRecord(String name, String arn, String filterExpression, boolean insightsEnabled,
        boolean notificationsEnabled, Map<String, String> tags) {
    GroupRecord {
        requireNonNull(name, "name is null");
        requireNonNull(arn, "arn is null");
        requireNonNull(filterExpression, "filterExpression is null");
        tags = Map.copyOf(tags);
    }

    Group toGroup() {
        return Group.builder().groupName(name).groupARN(arn).filterExpression(filterOrNull())
                .insightsConfiguration(insights()).build();
    }

    GroupSummary toSummary() {
        return GroupSummary.builder().groupName(name).groupARN(arn).filterExpression(filterOrNull())
                .insightsConfiguration(insights()).build();
    }

    private String filterOrNull() {
        return filterExpression.isEmpty() ? null : filterExpression;
    }

    private InsightsConfiguration insights() {
        return InsightsConfiguration.builder().insightsEnabled(insightsEnabled)
                .notificationsEnabled(notificationsEnabled).build();
    }
}
