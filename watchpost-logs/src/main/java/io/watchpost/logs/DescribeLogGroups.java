package io.watchpost.logs;

import io.watchpost.core.ConstraintViolations;
import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.metricfilter.MetricFilterCounts;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * DescribeLogGroups: a scan of the caller's scope in key order, which is AWS's ASCII order of names. A prefix
 * narrows the scan to a contiguous key range; the page token carries the last name returned.
 */
final class DescribeLogGroups {
    private static final int DEFAULT_LIMIT = 50;

    private final StateTable<LogGroupRecord> groups;
    private final PageTokens pageTokens;
    private final MetricFilterCounts metricFilters;

    private final StoredBytes storedBytes;

    /** The stored bytes of a log group incarnation (wired by the events service; 0 before). */
    interface StoredBytes {
        long of(Scope scope, LogGroupInfo group);
    }

    DescribeLogGroups(StateTable<LogGroupRecord> groups, PageTokens pageTokens, MetricFilterCounts metricFilters,
            StoredBytes storedBytes) {
        this.storedBytes = requireNonNull(storedBytes, "storedBytes is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.metricFilters = requireNonNull(metricFilters, "metricFilters is null");
    }

    DescribeLogGroupsResponse describe(RequestContext context, DescribeLogGroupsRequest request) {
        validate(request);
        Scope scope = context.scope();
        String prefix = scope.keyPrefix() + (request.logGroupNamePrefix() == null ? "" : request.logGroupNamePrefix());
        Optional<String> after = decodeToken(request.nextToken()).map(scope::key);
        Predicate<LogGroupRecord> filter = filter(scope, request);
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        boolean patternView = request.logGroupNamePattern() != null;

        List<LogGroup> page = new ArrayList<>();
        String lastName = null;
        for (Map.Entry<String, LogGroupRecord> entry : range(prefix, after).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            LogGroupRecord group = entry.getValue();
            if (!filter.test(group)) {
                continue;
            }
            if (page.size() == limit) {
                return response(page, pageTokens.encode(lastName));
            }
            int filters = metricFilters.count(scope, group.logGroupName(), group.creationTime());
            page.add(patternView ? LogGroupView.patternMatch(scope, group, filters)
                    : LogGroupView.full(scope, group, filters, storedBytes.of(scope, new LogGroupInfo(
                            group.logGroupName(), group.creationTime(), group.retention()))));
            lastName = group.logGroupName();
        }
        // AWS answers a pattern search that found something with a nextToken even when nothing is left (recorded
        // in 2026 with a single match); following it yields an empty last page without a token.
        return response(page, patternView && lastName != null ? pageTokens.encode(lastName) : null);
    }

    /** The keys from the prefix (or just after the token's position, whichever is later) onwards. */
    private Map<String, LogGroupRecord> range(String prefix, Optional<String> after) {
        if (after.isPresent() && after.get().compareTo(prefix) >= 0) {
            return groups.view().tailMap(after.get(), false);
        }
        return groups.view().tailMap(prefix, true);
    }

    private static Predicate<LogGroupRecord> filter(Scope scope, DescribeLogGroupsRequest request) {
        Predicate<LogGroupRecord> filter = group -> true;
        String pattern = request.logGroupNamePattern();
        if (pattern != null) {
            // AWS documents a case-sensitive substring match ("DataLogs" does not match "datalogs").
            filter = filter.and(group -> group.logGroupName().contains(pattern));
        }
        String logGroupClass = request.logGroupClassAsString();
        if (logGroupClass != null) {
            filter = filter.and(group -> group.logGroupClass().equals(logGroupClass));
        }
        if (request.hasLogGroupIdentifiers()) {
            List<String> names = request.logGroupIdentifiers().stream()
                    .map(identifier -> LogGroupIdentifiers.nameIn(scope, identifier))
                    .flatMap(Optional::stream)
                    .toList();
            filter = filter.and(group -> names.contains(group.logGroupName()));
        }
        return filter;
    }

    private Optional<String> decodeToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<String> position = pageTokens.decode(token);
        if (position.isEmpty()) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
        }
        return position;
    }

    private static DescribeLogGroupsResponse response(List<LogGroup> page, String nextToken) {
        return DescribeLogGroupsResponse.builder().logGroups(page).nextToken(nextToken).build();
    }

    private static void validate(DescribeLogGroupsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.hasAccountIdentifiers()) {
            checkList(errors, "accountIdentifiers", request.accountIdentifiers(), 0, 20);
            for (int i = 0; i < request.accountIdentifiers().size(); i++) {
                String member = "accountIdentifiers." + (i + 1) + ".member";
                errors.checkString(member, request.accountIdentifiers().get(i), 12, 12, LogGroupRules.ACCOUNT_ID);
            }
        }
        errors.checkString("logGroupNamePrefix", request.logGroupNamePrefix(), 1, LogGroupRules.NAME_MAX,
                LogGroupRules.NAME);
        errors.checkString("logGroupNamePattern", request.logGroupNamePattern(), 0, LogGroupRules.NAME_MAX,
                LogGroupRules.NAME_PATTERN);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, 50);
        errors.checkEnum("logGroupClass", request.logGroupClassAsString(), LogGroupRules.CLASSES);
        if (request.hasLogGroupIdentifiers()) {
            checkList(errors, "logGroupIdentifiers", request.logGroupIdentifiers(), 1, 50);
            for (int i = 0; i < request.logGroupIdentifiers().size(); i++) {
                String member = "logGroupIdentifiers." + (i + 1) + ".member";
                errors.checkString(member, request.logGroupIdentifiers().get(i), 1, 2048, LogGroupRules.IDENTIFIER);
            }
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (request.logGroupNamePrefix() != null && request.logGroupNamePattern() != null) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
    }

    private static void checkList(ConstraintViolations errors, String member, List<String> list, int min, int max) {
        if (list.size() > max) {
            errors.violated(member, "Member must have length less than or equal to " + max);
        }
        if (list.size() < min) {
            errors.violated(member, "Member must have length greater than or equal to " + min);
        }
    }
}
