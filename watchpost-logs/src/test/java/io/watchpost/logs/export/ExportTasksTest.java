package io.watchpost.logs.export;

import static io.watchpost.logs.export.LogsHarness.ACCOUNT;
import static io.watchpost.logs.export.LogsHarness.NOW;
import static io.watchpost.logs.export.LogsHarness.SCOPE;
import static io.watchpost.logs.export.LogsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTask;

class ExportTasksTest {
    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::exports",
               "Principal": {"Service": "logs.us-east-1.amazonaws.com"}},
              {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::exports/*",
               "Principal": {"Service": ["logs.amazonaws.com"]}}]}""";

    @TempDir
    Path dir;
    LogsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new LogsHarness(dir);
        h.objects.createBucket("exports", SCOPE, POLICY);
        h.createStream("app", "web/1");
        h.createStream("app", "web/2");
        h.createStream("app", "worker");
        h.put("app", "web/1", NOW - 3000, "first", NOW - 2000, "second", NOW - 1000, "third");
        h.put("app", "web/2", NOW - 2500, "other stream");
        h.put("app", "worker", NOW - 2000, "worker line");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    CreateExportTaskRequest.Builder request() {
        return CreateExportTaskRequest.builder().logGroupName("app").from(NOW - 2500).to(NOW - 1000)
                .destination("exports");
    }

    String create(CreateExportTaskRequest.Builder request) {
        return h.<CreateExportTaskResponse>call(request.build()).taskId();
    }

    ExportTask describe(String taskId) {
        return h.<DescribeExportTasksResponse>call(DescribeExportTasksRequest.builder().taskId(taskId).build())
                .exportTasks().get(0);
    }

    static String gunzip(byte[] content) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void exportGoesPendingRunningCompletedAndWritesAwsLayout() throws Exception {
        String taskId = create(request().taskName("nightly").logStreamNamePrefix("web/"));
        ExportTask pending = describe(taskId);
        assertThat(pending.status().codeAsString()).isEqualTo("PENDING");
        assertThat(pending.taskName()).isEqualTo("nightly");
        assertThat(pending.destinationPrefix()).isEqualTo("exportedlogs");
        assertThat(pending.from()).isEqualTo(NOW - 2500);
        assertThat(pending.executionInfo().creationTime()).isEqualTo(NOW);
        assertThat(pending.executionInfo().completionTime()).isNull();
        assertThat(h.objects.keys("exports")).containsExactly("exportedlogs/aws-logs-write-test");

        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("RUNNING");
        h.advance(ExportTasksService.TICK);
        ExportTask done = describe(taskId);
        assertThat(done.status().codeAsString()).isEqualTo("COMPLETED");
        assertThat(done.status().message()).isEqualTo("Completed successfully");
        assertThat(done.executionInfo().completionTime()).isEqualTo(NOW + 10_000);

        assertThat(h.objects.keys("exports")).containsExactlyInAnyOrder(
                "exportedlogs/" + taskId + "/web/1/000000.gz",
                "exportedlogs/" + taskId + "/web/2/000000.gz", "exportedlogs/aws-logs-write-test");
        var object = h.objects.getObject("exports", "exportedlogs/" + taskId + "/web/1/000000.gz").orElseThrow();
        // "from" and "to" are both inclusive; lines are "<ISO-8601 UTC millis> <message>".
        assertThat(gunzip(object.content())).isEqualTo(
                "2025-03-04T05:06:05.000Z second\n2025-03-04T05:06:06.000Z third\n");
        assertThat(gunzip(h.objects.getObject("exports", "exportedlogs/" + taskId + "/web/2/000000.gz")
                .orElseThrow().content())).isEqualTo("2025-03-04T05:06:04.500Z other stream\n");
    }

    @Test
    void customPrefixAndWholeGroup() throws Exception {
        String taskId = create(request().destinationPrefix("archive/2025"));
        h.advance(ExportTasksService.TICK);
        h.advance(ExportTasksService.TICK);
        assertThat(h.objects.keys("exports")).contains("archive/2025/aws-logs-write-test",
                "archive/2025/" + taskId + "/worker/000000.gz");
    }

    @Test
    void oneActiveTaskPerAccount() {
        create(request());
        assertAwsError(() -> create(request()), AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        h.advance(ExportTasksService.TICK);
        assertAwsError(() -> create(request()), AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        h.advance(ExportTasksService.TICK);
        create(request()); // the first one completed
    }

    @Test
    void bucketMustExistAndAllowLogs() {
        assertAwsError(() -> create(request().destination("nope")), AwsError.LOGS_INVALID_PARAMETER,
                "The given bucket does not exist. Please make sure the bucket is valid.");
        h.objects.createBucket("closed", SCOPE, null);
        assertAwsError(() -> create(request().destination("closed")), AwsError.LOGS_INVALID_PARAMETER,
                "GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted "
                + "permission to perform this operation.");
        h.objects.createBucket("half", SCOPE, POLICY.replace("s3:PutObject", "s3:GetObject"));
        assertAwsError(() -> create(request().destination("half")), AwsError.LOGS_INVALID_PARAMETER,
                "PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted "
                + "permission to perform this operation.");
        assertThat(h.objects.keys("half")).isEmpty();
    }

    @Test
    void groupMustExistAndRangeMustBeOrdered() {
        assertAwsError(() -> create(request().logGroupName("missing")), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertAwsError(() -> create(request().from(10L).to(5L)), AwsError.LOGS_INVALID_PARAMETER,
                "Specified time range of '10' and '5' is not valid. Please make sure the values are within the "
                + "retention period of the log group and from value is lesser than the to values");
    }

    @Test
    void validation() {
        assertAwsError(() -> create(CreateExportTaskRequest.builder()), AwsError.LOGS_INVALID_PARAMETER,
                "4 validation errors detected: "
                + "Value null at 'logGroupName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'from' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'to' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'destination' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> create(request().from(-1L).logStreamNamePrefix("a:b")),
                AwsError.LOGS_INVALID_PARAMETER, "2 validation errors detected: "
                + "Value at 'logStreamNamePrefix' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [^:*]*; "
                + "Value at 'from' failed to satisfy constraint: Member must have value greater than or equal to 0");
        assertAwsError(() -> h.call(DescribeExportTasksRequest.builder().limit(51).statusCode("DONE").build()),
                AwsError.LOGS_INVALID_PARAMETER, "2 validation errors detected: "
                + "Value at 'statusCode' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[CANCELLED, COMPLETED, FAILED, PENDING, PENDING_CANCEL, RUNNING]; "
                + "Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
        assertAwsError(() -> h.call(CancelExportTaskRequest.builder().build()), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: "
                + "Value null at 'taskId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void cancelStopsTheTaskAndOnlyOnce() {
        String taskId = create(request());
        h.call(CancelExportTaskRequest.builder().taskId(taskId).build());
        ExportTask cancelled = describe(taskId);
        assertThat(cancelled.status().codeAsString()).isEqualTo("CANCELLED");
        assertThat(cancelled.status().message()).isEqualTo("Cancelled by user");
        assertThat(cancelled.executionInfo().completionTime()).isEqualTo(NOW);
        h.advance(ExportTasksService.TICK);
        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("CANCELLED");
        assertThat(h.objects.keys("exports")).containsExactly("exportedlogs/aws-logs-write-test");
        assertAwsError(() -> h.call(CancelExportTaskRequest.builder().taskId(taskId).build()),
                AwsError.LOGS_INVALID_OPERATION, "The specified export task has already finished");
        assertAwsError(() -> h.call(CancelExportTaskRequest.builder().taskId("nope").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified export task does not exist.");
        create(request()); // a cancelled task is not active
    }

    @Test
    void runningTaskCanBeCancelled() {
        String taskId = create(request());
        h.advance(ExportTasksService.TICK);
        h.call(CancelExportTaskRequest.builder().taskId(taskId).build());
        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("CANCELLED");
    }

    @Test
    void describeFiltersAndPages() {
        String first = create(request());
        h.call(CancelExportTaskRequest.builder().taskId(first).build());
        h.clock.advance(java.time.Duration.ofSeconds(1));
        String second = create(request());
        DescribeExportTasksResponse all = h.call(DescribeExportTasksRequest.builder().build());
        assertThat(all.exportTasks()).extracting(ExportTask::taskId).containsExactly(second, first);
        DescribeExportTasksResponse pending = h.call(DescribeExportTasksRequest.builder().statusCode("PENDING").build());
        assertThat(pending.exportTasks()).extracting(ExportTask::taskId).containsExactly(second);
        DescribeExportTasksResponse page1 = h.call(DescribeExportTasksRequest.builder().limit(1).build());
        assertThat(page1.exportTasks()).extracting(ExportTask::taskId).containsExactly(second);
        DescribeExportTasksResponse page2 = h.call(DescribeExportTasksRequest.builder().limit(1)
                .nextToken(page1.nextToken()).build());
        assertThat(page2.exportTasks()).extracting(ExportTask::taskId).containsExactly(first);
        assertThat(page2.nextToken()).isNull();
        DescribeExportTasksResponse unknown = h.call(DescribeExportTasksRequest.builder().taskId("nope").build());
        assertThat(unknown.exportTasks()).isEmpty();
        assertAwsError(() -> h.call(DescribeExportTasksRequest.builder().nextToken("garbage").build()),
                AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
        DescribeExportTasksResponse other = h.call(LogsHarness.context("999999999999"),
                DescribeExportTasksRequest.builder().build());
        assertThat(other.exportTasks()).isEmpty();
        assertThat(ACCOUNT).isNotEqualTo("999999999999");
    }

    @Test
    void deletedGroupFailsTheTask() {
        String taskId = create(request());
        h.call(software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest.builder()
                .logGroupName("app").build());
        h.advance(ExportTasksService.TICK);
        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("FAILED");
    }

    @Test
    void runningTaskSurvivesRestartAndIsWrittenAgain() throws Exception {
        String taskId = create(request());
        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("RUNNING");
        h.close();
        h = new LogsHarness(dir);
        h.objects.createBucket("exports", SCOPE, POLICY);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("RUNNING");
        h.advance(ExportTasksService.TICK);
        assertThat(describe(taskId).status().codeAsString()).isEqualTo("COMPLETED");
        assertThat(h.objects.keys("exports")).contains("exportedlogs/" + taskId + "/web/1/000000.gz",
                "exportedlogs/" + taskId + "/worker/000000.gz");
    }
}
