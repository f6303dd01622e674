package io.watchpost.logs;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupSummary;

/**
 * ListLogGroups: the newer listing, in name order, with {@code logGroupNamePattern} as AWS's restricted regular
 * expression ({@code ^} anchors a prefix, {@code |} separates alternatives, everything else is a case-sensitive
 * substring) and a {@code logGroupClass} filter. The model's pattern admits only name characters, {@code ^} and
 * {@code |}, so compiling it cannot produce a catastrophic regular expression.
 */
final class ListLogGroups {
    private static final int DEFAULT_LIMIT = 50;
    private static final Pattern MODEL_PATTERN = Pattern.compile("(\\^?[\\.\\-_\\/#A-Za-z0-9]+\\|?)+");

    private final StateTable<LogGroupRecord> groups;
    private final PageTokens pageTokens;

    ListLogGroups(StateTable<LogGroupRecord> groups, PageTokens pageTokens) {
        this.groups = requireNonNull(groups, "groups is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    ListLogGroupsResponse list(RequestContext context, ListLogGroupsRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkString("logGroupNamePattern", request.logGroupNamePattern(), 0, 129, MODEL_PATTERN);
        violations.checkRange("limit", request.limit(), 1, 1000);
        violations.checkEnum("logGroupClass", request.logGroupClassAsString(),
                List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY"));
        violations.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        violations.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        Pattern names = request.logGroupNamePattern() == null || request.logGroupNamePattern().isEmpty() ? null
                : Pattern.compile(request.logGroupNamePattern());
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        String prefix = scope.keyPrefix();
        List<LogGroupSummary> page = new ArrayList<>();
        String lastName = null;
        var range = after == null ? groups.view().tailMap(prefix, true)
                : groups.view().tailMap(scope.key(after), false);
        for (Map.Entry<String, LogGroupRecord> entry : range.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            LogGroupRecord group = entry.getValue();
            boolean classMatches = request.logGroupClass() == null
                    || group.logGroupClass().equals(request.logGroupClassAsString());
            if (!classMatches || names != null && !names.matcher(group.logGroupName()).find()) {
                continue;
            }
            if (page.size() == limit) {
                return ListLogGroupsResponse.builder().logGroups(page).nextToken(pageTokens.encode(lastName)).build();
            }
            page.add(LogGroupSummary.builder().logGroupName(group.logGroupName())
                    .logGroupArn(LogGroupView.logGroupArn(scope, group.logGroupName()))
                    .logGroupClass(group.logGroupClass()).build());
            lastName = group.logGroupName();
        }
        return ListLogGroupsResponse.builder().logGroups(page).build();
    }
}
