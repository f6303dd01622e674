package io.watchpost.logs.export;

import static java.util.Objects.requireNonNull;

/**
 * One export task as stored in the journal's {@code export-tasks} table (keyed by scope and task id). Times are
 * epoch millis; {@code completionTime} is 0 until the task reaches a final state.
 */
record ExportTaskRecord(String taskId, String taskName, String logGroupName, long groupCreationTime,
        String logStreamNamePrefix, long from, long to, String destination, String destinationPrefix,
        ExportStatus status, long creationTime, long completionTime) {
    ExportTaskRecord {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(destinationPrefix, "destinationPrefix is null");
        requireNonNull(status, "status is null");
    }

    /** PENDING and RUNNING tasks count against the one-active-task limit. */
    boolean active() {
        return status == ExportStatus.PENDING || status == ExportStatus.RUNNING;
    }

    ExportTaskRecord withStatus(ExportStatus next, long now) {
        return new ExportTaskRecord(taskId, taskName, logGroupName, groupCreationTime, logStreamNamePrefix, from, to,
                destination, destinationPrefix, next, creationTime, next.finished() ? now : completionTime);
    }
}
