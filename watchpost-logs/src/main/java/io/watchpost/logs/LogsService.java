package io.watchpost.logs;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;

/**
 * CloudWatch Logs ({@code logs}): log groups. All state lives in the journal's {@code log-groups} table, keyed by
 * account, region and name, so a reset or a restart needs nothing from this class.
 */
public final class LogsService implements WatchpostService {
    static final String LOG_GROUPS_TABLE = "log-groups";

    private final ApiHandlers handlers;

    public LogsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        StateTable<LogGroupRecord> groups = journal.table(LOG_GROUPS_TABLE, LogGroupRecord.class);
        LogGroupWrites writes = new LogGroupWrites(groups, clock);
        DescribeLogGroups describe = new DescribeLogGroups(groups, pageTokens);
        this.handlers = ApiHandlers.builder()
                .on(CreateLogGroupRequest.class, writes::create)
                .on(DeleteLogGroupRequest.class, writes::delete)
                .on(DescribeLogGroupsRequest.class, describe::describe)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }
}
