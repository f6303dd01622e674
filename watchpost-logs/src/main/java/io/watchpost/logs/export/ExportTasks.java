package io.watchpost.logs.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.LogsService;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTask;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskExecutionInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskStatus;

/**
 * CreateExportTask, DescribeExportTasks and CancelExportTask. Creation and cancellation hold this object's monitor
 * so the one-active-task-per-account rule cannot be raced; the runner updates records under the same monitor.
 */
final class ExportTasks {
    static final String DEFAULT_PREFIX = "exportedlogs";
    static final String WRITE_TEST_KEY = "aws-logs-write-test";
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    private static final List<String> STATUS_CODES =
            List.of("CANCELLED", "COMPLETED", "FAILED", "PENDING", "PENDING_CANCEL", "RUNNING");

    private final StateTable<ExportTaskRecord> tasks;
    private final LogsService groups;
    private final ObjectStore objects;
    private final Clock clock;
    private final PageTokens pageTokens;

    ExportTasks(StateTable<ExportTaskRecord> tasks, LogsService groups, ObjectStore objects, Clock clock,
            PageTokens pageTokens) {
        this.tasks = tasks;
        this.groups = groups;
        this.objects = objects;
        this.clock = clock;
        this.pageTokens = pageTokens;
    }

    synchronized CreateExportTaskResponse create(RequestContext context, CreateExportTaskRequest request) {
        validate(request);
        Scope scope = context.scope();
        if (request.from() > request.to()) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "Specified time range of '" + request.from()
                    + "' and '" + request.to() + "' is not valid. Please make sure the values are within the "
                    + "retention period of the log group and from value is lesser than the to values");
        }
        LogGroupInfo group = groups.logGroup(scope, request.logGroupName()).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist."));
        if (tasks.view().tailMap(scope.keyPrefix()).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(scope.keyPrefix()))
                .anyMatch(e -> e.getValue().active())) {
            throw new AwsException(AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        }
        BucketAccess.check(objects, scope, request.destination());
        String prefix = request.destinationPrefix() == null || request.destinationPrefix().isEmpty()
                ? DEFAULT_PREFIX : request.destinationPrefix();
        // AWS proves it can write by leaving this object behind.
        objects.putObject(request.destination(), prefix + "/" + WRITE_TEST_KEY,
                "Permission Check Successful".getBytes(UTF_8), "application/octet-stream", Map.of());
        String taskId = UUID.randomUUID().toString();
        tasks.put(scope.key(taskId), new ExportTaskRecord(taskId, request.taskName(), group.logGroupName(),
                group.creationTime(), request.logStreamNamePrefix(), request.from(), request.to(),
                request.destination(), prefix, ExportStatus.PENDING, clock.millis(), 0));
        return CreateExportTaskResponse.builder().taskId(taskId).build();
    }

    DescribeExportTasksResponse describe(RequestContext context, DescribeExportTasksRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        errors.checkString("taskId", request.taskId(), 1, 512, null);
        errors.checkEnum("statusCode", request.statusCodeAsString(), STATUS_CODES);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, 50);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        int skip = request.nextToken() == null ? 0 : pageTokens.decode(request.nextToken())
                .flatMap(ExportTasks::parseInt).orElseThrow(() -> new AwsException(
                        AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid."));
        Scope scope = context.scope();
        // Newest first, as the console lists them; AWS does not document the order.
        List<ExportTaskRecord> matching = tasks.view().tailMap(scope.keyPrefix()).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(scope.keyPrefix()))
                .map(Map.Entry::getValue)
                .filter(t -> request.taskId() == null || t.taskId().equals(request.taskId()))
                .filter(t -> request.statusCodeAsString() == null || t.status().name().equals(request.statusCodeAsString()))
                .sorted(Comparator.comparingLong(ExportTaskRecord::creationTime).reversed()
                        .thenComparing(ExportTaskRecord::taskId))
                .toList();
        int limit = request.limit() == null ? 50 : request.limit();
        List<ExportTask> page = matching.stream().skip(skip).limit(limit).map(ExportTasks::view).toList();
        String next = matching.size() > skip + limit ? pageTokens.encode(Integer.toString(skip + limit)) : null;
        return DescribeExportTasksResponse.builder().exportTasks(page).nextToken(next).build();
    }

    synchronized CancelExportTaskResponse cancel(RequestContext context, CancelExportTaskRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.taskId() == null) {
            errors.missing("taskId");
        }
        errors.checkString("taskId", request.taskId(), 1, 512, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        String key = context.scope().key(request.taskId());
        ExportTaskRecord task = tasks.get(key).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified export task does not exist."));
        if (!task.active()) {
            throw new AwsException(AwsError.LOGS_INVALID_OPERATION, "The specified export task has already finished");
        }
        tasks.put(key, task.withStatus(ExportStatus.CANCELLED, clock.millis()));
        return CancelExportTaskResponse.builder().build();
    }

    static ExportTask view(ExportTaskRecord task) {
        ExportTaskExecutionInfo.Builder info = ExportTaskExecutionInfo.builder().creationTime(task.creationTime());
        if (task.status().finished()) {
            info.completionTime(task.completionTime());
        }
        return ExportTask.builder()
                .taskId(task.taskId())
                .taskName(task.taskName())
                .logGroupName(task.logGroupName())
                .from(task.from())
                .to(task.to())
                .destination(task.destination())
                .destinationPrefix(task.destinationPrefix())
                .status(ExportTaskStatus.builder().code(task.status().name()).message(task.status().message()).build())
                .executionInfo(info.build())
                .build();
    }

    private static java.util.Optional<Integer> parseInt(String value) {
        try {
            return java.util.Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void validate(CreateExportTaskRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        errors.checkString("taskName", request.taskName(), 1, 512, null);
        if (request.logGroupName() == null) {
            errors.missing("logGroupName");
        }
        errors.checkString("logGroupName", request.logGroupName(), 1, 512, GROUP_NAME);
        errors.checkString("logStreamNamePrefix", request.logStreamNamePrefix(), 1, 512, STREAM_NAME);
        for (var member : Arrays.asList(Map.entry("from", nullable(request.from())),
                Map.entry("to", nullable(request.to())))) {
            if (member.getValue() == Long.MIN_VALUE) {
                errors.missing(member.getKey());
            } else if (member.getValue() < 0) {
                errors.violated(member.getKey(), "Member must have value greater than or equal to 0");
            }
        }
        if (request.destination() == null) {
            errors.missing("destination");
        }
        errors.checkString("destination", request.destination(), 1, 512, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }

    private static long nullable(Long value) {
        return value == null ? Long.MIN_VALUE : value;
    }
}
