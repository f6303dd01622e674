package io.watchpost.logs;

import static io.watchpost.logs.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

class CreateLogGroupTest {
    private static final String NAME_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";

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

    private void create(CreateLogGroupRequest.Builder request) {
        harness.call(request.build());
    }

    private LogGroup only() {
        DescribeLogGroupsResponse response = harness.call(DescribeLogGroupsRequest.builder().build());
        assertThat(response.logGroups()).hasSize(1);
        return response.logGroups().getFirst();
    }

    @Test
    void createsWithDefaultsAndDescribesEveryField() {
        create(CreateLogGroupRequest.builder().logGroupName("/app/web"));

        LogGroup group = only();
        assertThat(group.logGroupName()).isEqualTo("/app/web");
        assertThat(group.creationTime()).isEqualTo(Harness.START.toEpochMilli());
        assertThat(group.metricFilterCount()).isZero();
        assertThat(group.storedBytes()).isZero();
        assertThat(group.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/app/web:*");
        assertThat(group.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/app/web");
        assertThat(group.logGroupClassAsString()).isEqualTo("STANDARD");
        assertThat(group.deletionProtectionEnabled()).isFalse();
        assertThat(group.kmsKeyId()).isNull();
        assertThat(group.retentionInDays()).isNull();
    }

    @Test
    void storesClassKmsKeyAndDeletionProtection() {
        create(CreateLogGroupRequest.builder().logGroupName("cold")
                .logGroupClass("INFREQUENT_ACCESS")
                .kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/abc")
                .deletionProtectionEnabled(true)
                .tags(Map.of("team", "core")));

        LogGroup group = only();
        assertThat(group.logGroupClassAsString()).isEqualTo("INFREQUENT_ACCESS");
        assertThat(group.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/abc");
        assertThat(group.deletionProtectionEnabled()).isTrue();
    }

    @Test
    void refusesADuplicateName() {
        create(CreateLogGroupRequest.builder().logGroupName("dup"));
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("dup")),
                AwsError.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log group already exists");
    }

    @Test
    void reservesTheAwsPrefixInAnyCaseButNotWithALeadingSlash() {
        for (String name : new String[] {"aws/x", "AWS/x", "Aws/lambda"}) {
            assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName(name)),
                    AwsError.LOGS_INVALID_PARAMETER, "Log groups starting with AWS/ are reserved for AWS.");
        }
        create(CreateLogGroupRequest.builder().logGroupName("/aws/lambda/fn"));
        create(CreateLogGroupRequest.builder().logGroupName("aws-x"));
    }

    @Test
    void validatesTheName() {
        assertAwsError(() -> create(CreateLogGroupRequest.builder()), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: "
                        + "Member must not be null");
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("a b")),
                AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'logGroupName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("x".repeat(513))),
                AwsError.LOGS_INVALID_PARAMETER,
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName(" ".repeat(513))
                        .logGroupClass("COLD")), AwsError.LOGS_INVALID_PARAMETER,
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("")),
                AwsError.LOGS_INVALID_PARAMETER,
                "2 validation errors detected: Value at 'logGroupName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value at 'logGroupName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
        create(CreateLogGroupRequest.builder().logGroupName("x".repeat(512)));
    }

    @Test
    void validatesKmsKeyIdAndClass() {
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("g").kmsKeyId("k".repeat(257))
                        .logGroupClass("COLD")),
                AwsError.LOGS_INVALID_PARAMETER,
                "2 validation errors detected: Value at 'kmsKeyId' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256; Value at 'logGroupClass' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
    }

    @Test
    void validatesTagsOnceForKeysAndOnceForValues() {
        Map<String, String> tags = new HashMap<>();
        tags.put("bad#key", "ok");
        tags.put("other!", "bad#value");
        tags.put("fine", "v".repeat(257));
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("g").tags(tags)),
                AwsError.LOGS_INVALID_PARAMETER,
                "2 validation errors detected: Value at 'tags' failed to satisfy constraint: Map keys must satisfy "
                        + "constraint: [Member must have length less than or equal to 128, Member must have length "
                        + "greater than or equal to 1, Member must satisfy regular expression pattern: "
                        + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]; Value at 'tags' failed to satisfy constraint: Map "
                        + "value must satisfy constraint: [Member must have length less than or equal to 256, Member "
                        + "must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]");
    }

    @Test
    void validatesTheTagCount() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("g").tags(many)),
                AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 50");
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("g").tags(Map.of())),
                AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        many.remove("k0");
        create(CreateLogGroupRequest.builder().logGroupName("g").tags(many));
        create(CreateLogGroupRequest.builder().logGroupName("unicode").tags(Map.of("Équipe 1", "données:a/b=c+d@e")));
    }

    @Test
    void survivesARestart() throws Exception {
        create(CreateLogGroupRequest.builder().logGroupName("kept").deletionProtectionEnabled(true));
        harness.reopen();

        LogGroup group = only();
        assertThat(group.logGroupName()).isEqualTo("kept");
        assertThat(group.deletionProtectionEnabled()).isTrue();
        assertAwsError(() -> create(CreateLogGroupRequest.builder().logGroupName("kept")),
                AwsError.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log group already exists");
    }

    @Test
    void isScopedByAccountAndRegion() {
        create(CreateLogGroupRequest.builder().logGroupName("shared"));
        var otherRegion = Harness.context(Harness.ACCOUNT, "eu-west-1");
        var otherAccount = Harness.context("111111111111", Harness.REGION);

        DescribeLogGroupsResponse inOtherRegion = harness.call(otherRegion, DescribeLogGroupsRequest.builder().build());
        DescribeLogGroupsResponse inOtherAccount =
                harness.call(otherAccount, DescribeLogGroupsRequest.builder().build());
        assertThat(inOtherRegion.logGroups()).isEmpty();
        assertThat(inOtherAccount.logGroups()).isEmpty();

        harness.call(otherRegion, CreateLogGroupRequest.builder().logGroupName("shared").build());
        DescribeLogGroupsResponse again = harness.call(otherRegion, DescribeLogGroupsRequest.builder().build());
        assertThat(again.logGroups().getFirst().arn())
                .isEqualTo("arn:aws:logs:eu-west-1:000000000000:log-group:shared:*");
    }
}
