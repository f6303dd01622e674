package io.watchpost.cloudwatch;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;

/**
 * CloudWatch dashboards ({@code monitoring}). Dashboards are global to an account: the journal's
 * {@code dashboards} table is keyed by partition, account and name, and any region's endpoint sees the same ones.
 */
public final class DashboardsService implements WatchpostService {
    static final String DASHBOARDS_TABLE = "dashboards";

    private final ApiHandlers handlers;
    private final StateTable<DashboardRecord> dashboards;

    public DashboardsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.dashboards = journal.table(DASHBOARDS_TABLE, DashboardRecord.class);
        DashboardWrites writes = new DashboardWrites(dashboards, clock, new DashboardBodyValidator());
        DashboardReads reads = new DashboardReads(dashboards, pageTokens);
        this.handlers = ApiHandlers.builder()
                .on(PutDashboardRequest.class, writes::put)
                .on(DeleteDashboardsRequest.class, writes::delete)
                .on(GetDashboardRequest.class, reads::get)
                .on(ListDashboardsRequest.class, reads::list)
                .build();
    }

    /** Whether the dashboard an ARN names exists: the metrics service asks this for TagResource. */
    public boolean dashboardExists(io.watchpost.core.Arn arn) {
        String resource = arn.resource();
        return resource.startsWith("dashboard/") && dashboards.get(
                arn.partition() + '/' + arn.accountId() + '/' + resource.substring("dashboard/".length())).isPresent();
    }

    @Override
    public String endpointPrefix() {
        return "monitoring";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }
}
