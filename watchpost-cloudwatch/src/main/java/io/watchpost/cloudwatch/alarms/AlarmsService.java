package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.metrics.MetricDataSource;
import io.watchpost.core.Arn;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmContributorsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListAlarmMuteRulesRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutAlarmMuteRuleRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/**
 * CloudWatch metric and composite alarms ({@code monitoring}): the alarm API and the evaluation engine that runs on
 * the {@link Scheduler}. Alarms (configuration and state) live in the journal's {@code alarms} and
 * {@code composite-alarms} tables, history in {@code alarm-history}; all survive a restart, and evaluation resumes from the persisted state. State changes go
 * to the {@link AlarmStateListener}. Thread-safe.
 */
public final class AlarmsService implements WatchpostService {
    static final String ALARMS_TABLE = "alarms";
    static final String COMPOSITES_TABLE = "composite-alarms";

    private final StateTable<AlarmRecord> alarms;
    private final AlarmEngine engine;
    private final CompositeEngine composites;
    private final ApiHandlers handlers;
    private final AlarmHistory history;
    private final Clock clock;
    private final MuteRuleOperations muteRules;

    public AlarmsService(StateJournal journal, MetricDataSource source, Clock clock, Scheduler scheduler,
            PageTokens pageTokens, AlarmStateListener listener) {
        this(journal, source, clock, scheduler, pageTokens, listener, AlarmTagStore.NONE);
    }

    /** With {@code tags}, PutMetricAlarm's Tags reach the CloudWatch tag table and DeleteAlarms removes them. */
    public AlarmsService(StateJournal journal, MetricDataSource source, Clock clock, Scheduler scheduler,
            PageTokens pageTokens, AlarmStateListener listener, AlarmTagStore tags) {
        requireNonNull(journal, "journal is null");
        this.alarms = journal.table(ALARMS_TABLE, AlarmRecord.class);
        AlarmHistory history = new AlarmHistory(journal.table(AlarmHistory.TABLE, HistoryRecord.class));
        StateTable<CompositeRecord> compositeTable = journal.table(COMPOSITES_TABLE, CompositeRecord.class);
        AlarmMutes mutes = new AlarmMutes(journal.table(AlarmMutes.RULES_TABLE, MuteRuleRecord.class),
                journal.table(AlarmMutes.HELD_TABLE, HeldActions.class), alarms, compositeTable,
                requireNonNull(listener, "listener is null"));
        this.composites = new CompositeEngine(compositeTable, alarms, history, listener, mutes);
        this.engine = new AlarmEngine(alarms, history, requireNonNull(source, "source is null"),
                requireNonNull(clock, "clock is null"), listener, composites);
        AlarmWrites writes = new AlarmWrites(alarms, history, engine, clock,
                requireNonNull(tags, "tags is null"), composites);
        CompositeWrites compositeWrites = new CompositeWrites(composites, alarms, history, engine.lock, clock, tags);
        this.history = history;
        this.clock = clock;
        AlarmReads reads = new AlarmReads(alarms, composites, requireNonNull(pageTokens, "pageTokens is null"));
        HistoryReads historyReads = new HistoryReads(history.table(), pageTokens);
        this.muteRules = new MuteRuleOperations(mutes, engine.lock, clock, pageTokens, tags);
        this.handlers = ApiHandlers.builder()
                .on(PutMetricAlarmRequest.class, writes::put)
                .on(PutCompositeAlarmRequest.class, compositeWrites::put)
                .on(DeleteAlarmsRequest.class, writes::delete)
                .on(EnableAlarmActionsRequest.class, writes::enable)
                .on(DisableAlarmActionsRequest.class, writes::disable)
                .on(SetAlarmStateRequest.class, writes::setState)
                .on(DescribeAlarmsRequest.class, reads::describe)
                .on(DescribeAlarmsForMetricRequest.class, reads::forMetric)
                .on(DescribeAlarmHistoryRequest.class, historyReads::describe)
                .on(DescribeAlarmContributorsRequest.class, reads::contributors)
                .on(PutAlarmMuteRuleRequest.class, muteRules::put)
                .on(GetAlarmMuteRuleRequest.class, muteRules::get)
                .on(ListAlarmMuteRulesRequest.class, muteRules::list)
                .on(DeleteAlarmMuteRuleRequest.class, muteRules::delete)
                .build();
        engine.start(requireNonNull(scheduler, "scheduler is null"));
    }

    /** Whether the alarm an ARN names exists: register with {@code MetricsService.registerTaggable("alarm:", …)}. */
    public boolean alarmExists(Arn arn) {
        String resource = arn.resource();
        return resource.startsWith("alarm:")
                && composites.stateOf(arn.scope(), resource.substring("alarm:".length())).isPresent();
    }

    /** Whether the alarm mute rule an ARN names exists: for {@code registerTaggable("alarm-mute-rule:", …)}. */
    public boolean muteRuleExists(Arn arn) {
        String resource = arn.resource();
        return resource.startsWith("alarm-mute-rule:")
                && muteRules.exists(arn.scope(), resource.substring("alarm-mute-rule:".length()));
    }

    /**
     * Records that the server ran (or failed to run) one action of a state change, as an {@code Action} history
     * item: {@code Successfully executed action ARN} or {@code Failed to execute action ARN}.
     */
    public void recordAction(AlarmStateChange change, String actionArn, boolean succeeded, String detail) {
        com.fasterxml.jackson.databind.node.ObjectNode data = StateReasons.JSON.createObjectNode();
        data.put("actionState", succeeded ? "Succeeded" : "Failed");
        data.put("stateUpdateTimestamp", change.time().toEpochMilli());
        data.put("notificationResource", actionArn);
        data.put(succeeded ? "publishedMessage" : "error", detail);
        history.action(change.scope(), change.alarmName(), clock.millis(),
                (succeeded ? "Successfully executed action " : "Failed to execute action ") + actionArn, data);
    }

    @Override
    public void afterReset() {
        engine.forgetAll();
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
