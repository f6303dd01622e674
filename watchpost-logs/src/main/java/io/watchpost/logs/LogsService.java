package io.watchpost.logs;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.logs.metricfilter.MetricFilterCounts;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import io.watchpost.core.Scope;
import java.time.Clock;
import io.watchpost.core.ConstraintViolations;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.ToLongBiFunction;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

/**
 * CloudWatch Logs ({@code logs}): log groups. All state lives in the journal's {@code log-groups} table, keyed by
 * account, region and name, so a reset or a restart needs nothing from this class.
 */
public final class LogsService implements WatchpostService {
    static final String LOG_GROUPS_TABLE = "log-groups";

    private final ApiHandlers handlers;
    private final StateTable<LogGroupRecord> groups;
    private final List<BiConsumer<Scope, String>> deletionListeners = new CopyOnWriteArrayList<>();
    private volatile ToLongBiFunction<Scope, LogGroupInfo> storedBytes = (scope, group) -> 0L;

    public LogsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.groups = journal.table(LOG_GROUPS_TABLE, LogGroupRecord.class);
        LogGroupWrites writes = new LogGroupWrites(groups, clock, deletionListeners);
        RetentionWrites retention = new RetentionWrites(groups);
        DescribeLogGroups describe = new DescribeLogGroups(groups, pageTokens, MetricFilterCounts.in(journal),
                (scope, group) -> storedBytes.applyAsLong(scope, group));
        this.handlers = ApiHandlers.builder()
                .on(CreateLogGroupRequest.class, writes::create)
                .on(DeleteLogGroupRequest.class, writes::delete)
                .on(DescribeLogGroupsRequest.class, describe::describe)
                .on(ListLogGroupsRequest.class, new ListLogGroups(groups, pageTokens)::list)
                .on(PutRetentionPolicyRequest.class, retention::put)
                .on(DeleteRetentionPolicyRequest.class, retention::delete)
                .build();
    }

    /** The log group of that name in the scope, if it exists (read from the journal's table; thread-safe). */
    public Optional<LogGroupInfo> logGroup(Scope scope, String logGroupName) {
        return groups.get(scope.key(logGroupName))
                .map(group -> new LogGroupInfo(group.logGroupName(), group.creationTime(), group.retention()));
    }

    /** Where DescribeLogGroups reads a group's storedBytes from (the event store); 0 until set. */
    public void storedBytesFrom(ToLongBiFunction<Scope, LogGroupInfo> source) {
        this.storedBytes = java.util.Objects.requireNonNull(source, "source is null");
    }

    /**
     * Registers a listener told (scope, log group name) after a log group was deleted, so the data of its streams
     * can be dropped. Called on the deleting thread after the deletion is durable.
     */
    public void onLogGroupDeleted(BiConsumer<Scope, String> listener) {
        deletionListeners.add(listener);
    }

    /** The tags of the log group (CreateLogGroup's and later TagLogGroup/TagResource's), if the group exists. */
    public Optional<Map<String, String>> tags(Scope scope, String logGroupName) {
        return groups.get(scope.key(logGroupName)).map(LogGroupRecord::tags);
    }

    /**
     * Replaces the group's tags by {@code change} applied to the current ones; false when the group does not exist.
     * The group record stays the one source of truth for tags; synchronized so two settings writes do not race.
     */
    public synchronized boolean updateTags(Scope scope, String logGroupName,
            UnaryOperator<Map<String, String>> change) {
        String key = scope.key(logGroupName);
        Optional<LogGroupRecord> old = groups.get(key);
        old.ifPresent(g -> groups.put(key, new LogGroupRecord(g.logGroupName(), g.creationTime(), g.kmsKeyId(),
                change.apply(g.tags()), g.logGroupClass(), g.deletionProtectionEnabled(), g.retentionInDays())));
        return old.isPresent();
    }

    /** Sets (or, with empty, clears) the group's kmsKeyId; false when the group does not exist. */
    public synchronized boolean updateKmsKey(Scope scope, String logGroupName, Optional<String> kmsKeyId) {
        String key = scope.key(logGroupName);
        Optional<LogGroupRecord> old = groups.get(key);
        old.ifPresent(g -> groups.put(key, new LogGroupRecord(g.logGroupName(), g.creationTime(),
                kmsKeyId.orElse(null), g.tags(), g.logGroupClass(), g.deletionProtectionEnabled(),
                g.retentionInDays())));
        return old.isPresent();
    }

    /** The tag-map validation of CreateLogGroup, for the tagging operations of other rooms. */
    public static void checkTags(ConstraintViolations errors, Map<String, String> tags) {
        LogGroupRules.checkTags(errors, tags);
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
