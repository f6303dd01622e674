package io.watchpost.logs;

import static io.watchpost.logs.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;

class DeleteLogGroupTest {
    @TempDir
    Path dir;

    private Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void delete(String name) {
        harness.call(DeleteLogGroupRequest.builder().logGroupName(name).build());
    }

    private int count() {
        DescribeLogGroupsResponse response = harness.call(DescribeLogGroupsRequest.builder().build());
        return response.logGroups().size();
    }

    @Test
    void deletesAndTheDeletionSurvivesARestart() throws Exception {
        harness.call(CreateLogGroupRequest.builder().logGroupName("gone").build());
        harness.call(CreateLogGroupRequest.builder().logGroupName("kept").build());
        delete("gone");
        harness.reopen();

        assertThat(count()).isEqualTo(1);
        assertAwsError(() -> delete("gone"), AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }

    @Test
    void refusesWhileDeletionProtectionIsEnabled() {
        harness.call(CreateLogGroupRequest.builder().logGroupName("guarded").deletionProtectionEnabled(true).build());
        assertAwsError(() -> delete("guarded"), AwsError.LOGS_VALIDATION,
                "Cannot delete log group with deletion protection enabled. Disable deletion protection first.");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAMissingGroup() {
        assertAwsError(() -> delete("never"), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }

    @Test
    void validatesTheName() {
        assertAwsError(() -> harness.call(DeleteLogGroupRequest.builder().build()), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> delete("y".repeat(513)), AwsError.LOGS_INVALID_PARAMETER,
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        assertAwsError(() -> delete("bad:name"), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'logGroupName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }

    @Test
    void deletesOnlyInTheCallersScope() {
        harness.call(CreateLogGroupRequest.builder().logGroupName("mine").build());
        assertAwsError(() -> harness.call(Harness.context("111111111111", "us-east-1"),
                        DeleteLogGroupRequest.builder().logGroupName("mine").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        assertThat(count()).isEqualTo(1);
    }
}
