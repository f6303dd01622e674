package io.watchpost.cloudwatch;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;

/** GetDashboard and ListDashboards. */
final class DashboardReads {
    /** AWS: "ListDashboards returns up to 1000 results on one page." */
    static final int PAGE_SIZE = 1000;

    private final StateTable<DashboardRecord> dashboards;
    private final PageTokens pageTokens;

    DashboardReads(StateTable<DashboardRecord> dashboards, PageTokens pageTokens) {
        this.dashboards = requireNonNull(dashboards, "dashboards is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    GetDashboardResponse get(RequestContext context, GetDashboardRequest request) {
        String name = request.dashboardName();
        if (name == null) {
            ValidationErrors errors = new ValidationErrors();
            errors.missing("dashboardName");
            errors.throwIfAny();
        }
        DashboardRecord dashboard = dashboards.get(DashboardNames.key(context, name)).orElseThrow(() ->
                new AwsException(AwsError.CW_RESOURCE_NOT_FOUND, "Dashboard " + name + " does not exist"));
        return GetDashboardResponse.builder()
                .dashboardArn(DashboardNames.arn(context, name))
                .dashboardBody(dashboard.dashboardBody())
                .dashboardName(name)
                .build();
    }

    ListDashboardsResponse list(RequestContext context, ListDashboardsRequest request) {
        String prefix = DashboardNames.keyPrefix(context)
                + (request.dashboardNamePrefix() == null ? "" : request.dashboardNamePrefix());
        Optional<String> after = decode(request.nextToken()).map(name -> DashboardNames.key(context, name));
        NavigableMap<String, DashboardRecord> view = dashboards.view();
        Map<String, DashboardRecord> range = after.isPresent() && after.get().compareTo(prefix) >= 0
                ? view.tailMap(after.get(), false)
                : view.tailMap(prefix, true);
        List<DashboardEntry> page = new ArrayList<>();
        for (Map.Entry<String, DashboardRecord> entry : range.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (page.size() == PAGE_SIZE) {
                return response(page, pageTokens.encode(page.getLast().dashboardName()));
            }
            page.add(entry(context, entry.getValue()));
        }
        return response(page, null);
    }

    private Optional<String> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(pageTokens.decode(token).orElseThrow(() ->
                new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE, "Invalid NextToken.")));
    }

    private static DashboardEntry entry(RequestContext context, DashboardRecord dashboard) {
        return DashboardEntry.builder()
                .dashboardName(dashboard.dashboardName())
                .dashboardArn(DashboardNames.arn(context, dashboard.dashboardName()))
                .lastModified(Instant.ofEpochMilli(dashboard.lastModified()))
                .size(dashboard.size())
                .build();
    }

    private static ListDashboardsResponse response(List<DashboardEntry> page, String nextToken) {
        return ListDashboardsResponse.builder().dashboardEntries(page).nextToken(nextToken).build();
    }
}
