package io.watchpost.logs.metricfilter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;

/**
 * DescribeMetricFilters: the filters of one group (optionally by name prefix) or of the whole scope, optionally
 * of one metric, ASCII-sorted by filter name (then group name, to make the order total). The page token carries
 * the last (filter name, group name) returned.
 */
final class DescribeMetricFilters {
    private static final int DEFAULT_LIMIT = 50;
    private static final Comparator<MetricFilterRecord> ORDER = Comparator
            .comparing(MetricFilterRecord::filterName).thenComparing(MetricFilterRecord::logGroupName);

    private final MetricFilterStore store;
    private final LogGroupDirectory groups;
    private final PageTokens pageTokens;

    DescribeMetricFilters(MetricFilterStore store, LogGroupDirectory groups, PageTokens pageTokens) {
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    DescribeMetricFiltersResponse describe(RequestContext context, DescribeMetricFiltersRequest request) {
        validate(request);
        Optional<String[]> after = decodeToken(request.nextToken());
        List<MetricFilterRecord> matches = new ArrayList<>(candidates(context.scope(), request));
        matches.sort(ORDER);
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<MetricFilter> page = new ArrayList<>();
        MetricFilterRecord last = null;
        for (MetricFilterRecord filter : matches) {
            if (after.isPresent() && !isAfter(filter, after.get())) {
                continue;
            }
            if (page.size() == limit) {
                String token = pageTokens.encode(last.filterName() + '\n' + last.logGroupName());
                return DescribeMetricFiltersResponse.builder().metricFilters(page).nextToken(token).build();
            }
            page.add(MetricFilterView.of(filter));
            last = filter;
        }
        return DescribeMetricFiltersResponse.builder().metricFilters(page).build();
    }

    private List<MetricFilterRecord> candidates(Scope scope, DescribeMetricFiltersRequest request) {
        List<MetricFilterRecord> found = new ArrayList<>();
        String metricName = request.metricName();
        String namespace = request.metricNamespace();
        if (request.logGroupName() != null) {
            long created = groups.creationTime(scope, request.logGroupName()).orElseThrow(() -> new AwsException(
                    AwsError.LOGS_RESOURCE_NOT_FOUND, FilterRequestRules.GROUP_NOT_FOUND));
            String prefix = request.filterNamePrefix() == null ? "" : request.filterNamePrefix();
            for (MetricFilterRecord filter : store.live(scope, request.logGroupName(), created)) {
                if (filter.filterName().startsWith(prefix) && ofMetric(filter, metricName, namespace)) {
                    found.add(filter);
                }
            }
            return found;
        }
        // AWS uses filterNamePrefix only together with logGroupName (API reference).
        Map<String, Optional<Long>> created = new HashMap<>();
        for (MetricFilterRecord filter : store.scope(scope)) {
            Optional<Long> groupCreated = created.computeIfAbsent(filter.logGroupName(),
                    name -> groups.creationTime(scope, name));
            boolean live = groupCreated.isPresent() && groupCreated.get() == filter.groupCreationTime();
            if (live && ofMetric(filter, metricName, namespace)) {
                found.add(filter);
            }
        }
        return found;
    }

    private static boolean ofMetric(MetricFilterRecord filter, String metricName, String namespace) {
        return metricName == null || (filter.metricName().equals(metricName)
                && filter.metricNamespace().equals(namespace));
    }

    private static boolean isAfter(MetricFilterRecord filter, String[] position) {
        int byName = filter.filterName().compareTo(position[0]);
        return byName > 0 || (byName == 0 && filter.logGroupName().compareTo(position[1]) > 0);
    }

    private Optional<String[]> decodeToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<String> position = pageTokens.decode(token);
        int split = position.map(p -> p.lastIndexOf('\n')).orElse(-1);
        if (split < 0) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
        }
        String p = position.get();
        return Optional.of(new String[] {p.substring(0, split), p.substring(split + 1)});
    }

    private static void validate(DescribeMetricFiltersRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.logGroupName() != null) {
            FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        }
        FilterRequestRules.checkFilterName(errors, "filterNamePrefix", request.filterNamePrefix(), false);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, FilterRequestRules.DESCRIBE_LIMIT_MAX);
        errors.checkString("metricName", request.metricName(), 0, MetricTransformationRules.METRIC_NAME_MAX,
                MetricTransformationRules.METRIC_NAME);
        errors.checkString("metricNamespace", request.metricNamespace(), 0,
                MetricTransformationRules.METRIC_NAME_MAX, MetricTransformationRules.METRIC_NAME);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if ((request.metricName() == null) != (request.metricNamespace() == null)) {
            // Not confirmed against AWS: the wording another emulator's tests use.
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Describe Metric Filters request must contain both MetricName and MetricNamespace");
        }
    }
}
