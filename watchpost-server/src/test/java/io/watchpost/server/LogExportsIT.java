package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskStatusCode;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.s3.S3Client;

/** A Logs export task writes gzip objects in AWS's layout into a bucket of the S3 subset; retention is visible. */
class LogExportsIT {
    private static final String BUCKET = "log-exports";

    @Test
    void exportTasksWriteObjectsAndRetentionShows(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir);
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder());
                S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(TestServer.ACCESS_KEY, TestServer.SECRET_KEY)))
                        .httpClientBuilder(Apache5HttpClient.builder()).build()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.amazonaws.com\"},"
                    + "\"Action\":[\"s3:GetBucketAcl\",\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::" + BUCKET
                    + "\",\"arn:aws:s3:::" + BUCKET + "/*\"]}]}"));
            logs.createLogGroup(r -> r.logGroupName("/exported"));
            logs.createLogStream(r -> r.logGroupName("/exported").logStreamName("web"));
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
            logs.putLogEvents(r -> r.logGroupName("/exported").logStreamName("web").logEvents(
                    InputLogEvent.builder().timestamp(at.toEpochMilli()).message("first").build(),
                    InputLogEvent.builder().timestamp(at.toEpochMilli() + 1).message("second").build()));
            logs.putRetentionPolicy(r -> r.logGroupName("/exported").retentionInDays(7));
            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/exported")).logGroups().get(0)
                    .retentionInDays()).isEqualTo(7);

            String taskId = logs.createExportTask(r -> r.logGroupName("/exported").destination(BUCKET)
                    .from(at.toEpochMilli() - 1000).to(at.toEpochMilli() + 1000)).taskId();
            ExportTaskStatusCode status = null;
            for (int i = 0; i < 300 && status != ExportTaskStatusCode.COMPLETED; i++) {
                Thread.sleep(100);  // the export runs on the scheduler every few seconds; bounded wait
                status = logs.describeExportTasks(r -> r.taskId(taskId)).exportTasks().get(0).status().code();
            }
            assertThat(status).isEqualTo(ExportTaskStatusCode.COMPLETED);
            byte[] gz = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("exportedlogs/" + taskId + "/web/000000.gz"))
                    .asByteArray();
            String lines = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(lines.lines()).hasSize(2);
            assertThat(lines.lines().toList().get(0)).endsWith(" first");
        }
    }
}
