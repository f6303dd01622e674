package io.watchpost.logs.subscription;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.metricfilter.FilterRequestRules;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersResponse;

/** DescribeSubscriptionFilters: the filters of one group in name order; the page token carries the last name. */
final class DescribeSubscriptionFilters {
    private static final int DEFAULT_LIMIT = 50;

    private final SubscriptionFilterStore store;
    private final LogGroupDirectory groups;
    private final PageTokens pageTokens;

    DescribeSubscriptionFilters(SubscriptionFilterStore store, LogGroupDirectory groups, PageTokens pageTokens) {
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    DescribeSubscriptionFiltersResponse describe(RequestContext context, DescribeSubscriptionFiltersRequest request) {
        validate(request);
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken()).orElseThrow(
                () -> new AwsException(AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid."));
        long groupCreated = groups.creationTime(context.scope(), request.logGroupName()).orElseThrow(
                () -> new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, FilterRequestRules.GROUP_NOT_FOUND));
        String prefix = request.filterNamePrefix() == null ? "" : request.filterNamePrefix();
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter> page = new ArrayList<>();
        String last = null;
        for (SubscriptionFilter filter : store.live(context.scope(), request.logGroupName(), groupCreated)) {
            if (!filter.filterName().startsWith(prefix) || (after != null && filter.filterName().compareTo(after) <= 0)) {
                continue;
            }
            if (page.size() == limit) {
                return DescribeSubscriptionFiltersResponse.builder()
                        .subscriptionFilters(page).nextToken(pageTokens.encode(last)).build();
            }
            page.add(view(filter));
            last = filter.filterName();
        }
        return DescribeSubscriptionFiltersResponse.builder().subscriptionFilters(page).build();
    }

    /** As recorded from AWS (2026): applyOnTransformedLogs and distribution always present, roleArn when set. */
    static software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter view(SubscriptionFilter filter) {
        var builder = software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter.builder()
                .filterName(filter.filterName())
                .logGroupName(filter.logGroupName())
                .filterPattern(filter.filterPattern())
                .destinationArn(filter.destinationArn())
                .roleArn(filter.roleArn())
                .distribution(filter.distribution())
                .applyOnTransformedLogs(filter.applyOnTransformedLogs())
                .creationTime(filter.creationTime())
                .fieldSelectionCriteria(filter.fieldSelectionCriteria());
        if (!filter.emitSystemFields().isEmpty()) {
            builder.emitSystemFields(filter.emitSystemFields());
        }
        return builder.build();
    }

    private static void validate(DescribeSubscriptionFiltersRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        FilterRequestRules.checkFilterName(errors, "filterNamePrefix", request.filterNamePrefix(), false);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, FilterRequestRules.DESCRIBE_LIMIT_MAX);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }
}
