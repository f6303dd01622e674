package io.watchpost.logs.export;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.core.port.Scheduler;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.stream.LogEventsService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksRequest;

/**
 * CloudWatch Logs ({@code logs}) export tasks: CreateExportTask, DescribeExportTasks, CancelExportTask. Tasks live
 * in the journal's {@code export-tasks} table. A scheduled task ({@link #TICK} apart, by the injected clock) moves a
 * PENDING task to RUNNING, and on its next run writes the objects through the {@link ObjectStore} and marks it
 * COMPLETED (FAILED if its log group is gone or writing fails). A task found RUNNING after a restart is written
 * again from the start (objects are overwritten whole, so the result is the same).
 */
public final class ExportTasksService implements WatchpostService, AutoCloseable {
    static final Duration TICK = Duration.ofSeconds(5);
    static final String TABLE = "export-tasks";
    private static final System.Logger LOG = System.getLogger(ExportTasksService.class.getName());

    private final StateTable<ExportTaskRecord> tasks;
    private final ExportTasks api;
    private final ExportWriter writer;
    private final LogsService groups;
    private final Clock clock;
    private final ApiHandlers handlers;
    private final Scheduler.Cancellable tick;

    public ExportTasksService(StateJournal journal, LogsService groups, LogEventsService events, ObjectStore objects,
            Clock clock, Scheduler scheduler, PageTokens pageTokens) {
        this.tasks = journal.table(TABLE, ExportTaskRecord.class);
        this.groups = requireNonNull(groups, "groups is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.api = new ExportTasks(tasks, groups, objects, clock, pageTokens);
        this.writer = new ExportWriter(events.store(), objects);
        this.handlers = ApiHandlers.builder()
                .on(CreateExportTaskRequest.class, api::create)
                .on(DescribeExportTasksRequest.class, api::describe)
                .on(CancelExportTaskRequest.class, api::cancel)
                .build();
        this.tick = scheduler.schedule("logs-export", clock.instant().plus(TICK), TICK, this::runOnce);
    }

    /** One step of every active task: PENDING becomes RUNNING; RUNNING is written and becomes COMPLETED. */
    void runOnce() {
        for (Map.Entry<String, ExportTaskRecord> entry : Map.copyOf(tasks.view()).entrySet()) {
            ExportTaskRecord task = entry.getValue();
            if (task.status() == ExportStatus.PENDING) {
                transition(entry.getKey(), ExportStatus.PENDING, ExportStatus.RUNNING);
            } else if (task.status() == ExportStatus.RUNNING) {
                transition(entry.getKey(), ExportStatus.RUNNING, export(entry.getKey(), task));
            }
        }
    }

    private ExportStatus export(String key, ExportTaskRecord task) {
        String[] parts = key.split("/", 3);
        Scope scope = new Scope(parts[0], parts[1]);
        Optional<LogGroupInfo> group = groups.logGroup(scope, task.logGroupName())
                .filter(g -> g.creationTime() == task.groupCreationTime());
        if (group.isEmpty()) {
            return ExportStatus.FAILED;
        }
        try {
            writer.write(scope, group.get(), task, clock.millis());
            return ExportStatus.COMPLETED;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "export task " + task.taskId() + " failed", e);
            return ExportStatus.FAILED;
        }
    }

    /** Moves a task on unless it changed meanwhile (a cancel wins over the runner). */
    private void transition(String key, ExportStatus expected, ExportStatus next) {
        synchronized (api) {
            tasks.get(key).filter(t -> t.status() == expected)
                    .ifPresent(t -> tasks.put(key, t.withStatus(next, clock.millis())));
        }
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    @Override
    public void close() {
        tick.cancel();
    }
}
