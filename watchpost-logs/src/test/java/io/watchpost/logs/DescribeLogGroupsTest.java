package io.watchpost.logs;

import static io.watchpost.logs.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

class DescribeLogGroupsTest {
    @TempDir
    Path dir;

    private Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(dir);
        for (String name : List.of("b", "a/2", "a/1", "B", "DataLogs", "aws-DataLogs", "datalogs", "a/10")) {
            harness.call(CreateLogGroupRequest.builder().logGroupName(name).build());
        }
        harness.call(CreateLogGroupRequest.builder().logGroupName("a/cold").logGroupClass("INFREQUENT_ACCESS").build());
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private List<String> names(DescribeLogGroupsRequest.Builder request) {
        DescribeLogGroupsResponse response = harness.call(request.build());
        return response.logGroups().stream().map(LogGroup::logGroupName).toList();
    }

    @Test
    void listsAllInAsciiOrder() {
        assertThat(names(DescribeLogGroupsRequest.builder()))
                .containsExactly("B", "DataLogs", "a/1", "a/10", "a/2", "a/cold", "aws-DataLogs", "b", "datalogs");
    }

    @Test
    void filtersByPrefix() {
        assertThat(names(DescribeLogGroupsRequest.builder().logGroupNamePrefix("a/")))
                .containsExactly("a/1", "a/10", "a/2", "a/cold");
        assertThat(names(DescribeLogGroupsRequest.builder().logGroupNamePrefix("zzz"))).isEmpty();
    }

    @Test
    void filtersByCaseSensitiveSubstringWithTheFieldsAwsAnswers() {
        DescribeLogGroupsResponse response =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePattern("DataLogs").build());
        assertThat(response.logGroups()).extracting(LogGroup::logGroupName).containsExactly("DataLogs", "aws-DataLogs");
        LogGroup group = response.logGroups().getFirst();
        assertThat(group).isEqualTo(LogGroup.builder()
                .logGroupName("DataLogs")
                .creationTime(Harness.START.toEpochMilli())
                .metricFilterCount(0)
                .arn("arn:aws:logs:us-east-1:000000000000:log-group:DataLogs:*")
                .logGroupClass("STANDARD")
                .logGroupArn("arn:aws:logs:us-east-1:000000000000:log-group:DataLogs")
                .build());
    }

    @Test
    void aPatternSearchThatFoundSomethingAlwaysAnswersAToken() {
        DescribeLogGroupsResponse first =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePattern("DataLogs").build());
        assertThat(first.nextToken()).isNotNull();
        DescribeLogGroupsResponse last = harness.call(DescribeLogGroupsRequest.builder()
                .logGroupNamePattern("DataLogs").nextToken(first.nextToken()).build());
        assertThat(last.logGroups()).isEmpty();
        assertThat(last.nextToken()).isNull();

        DescribeLogGroupsResponse none =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePattern("nothing").build());
        assertThat(none.logGroups()).isEmpty();
        assertThat(none.nextToken()).isNull();

        DescribeLogGroupsResponse paged =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePattern("a").limit(1).build());
        assertThat(paged.logGroups()).extracting(LogGroup::logGroupName).containsExactly("DataLogs");
    }

    @Test
    void filtersByClassAndIdentifiers() {
        assertThat(names(DescribeLogGroupsRequest.builder().logGroupClass("INFREQUENT_ACCESS")))
                .containsExactly("a/cold");
        assertThat(names(DescribeLogGroupsRequest.builder().logGroupIdentifiers(
                "b", "arn:aws:logs:us-east-1:000000000000:log-group:a/1",
                "arn:aws:logs:us-east-1:000000000000:log-group:a/2",
                "arn:aws:logs:us-east-1:111111111111:log-group:a/10",
                "arn:aws:logs:eu-west-1:000000000000:log-group:B", "missing")))
                .containsExactly("a/1", "a/2", "b");
    }

    @Test
    void refusesPrefixWithPattern() {
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().logGroupNamePrefix("a").logGroupNamePattern("b")),
                AwsError.LOGS_INVALID_PARAMETER,
                "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
    }

    @Test
    void validatesMembers() {
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().limit(0)), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().limit(51).logGroupNamePrefix("a b")),
                AwsError.LOGS_INVALID_PARAMETER,
                "2 validation errors detected: Value at 'logGroupNamePrefix' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+; Value at 'limit' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 50");
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().logGroupNamePattern("a*")),
                AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'logGroupNamePattern' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]*");
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().accountIdentifiers("12")),
                AwsError.LOGS_INVALID_PARAMETER,
                "2 validation errors detected: Value at 'accountIdentifiers.1.member' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 12; Value at 'accountIdentifiers.1.member' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\d{12}$");
    }

    @Test
    void pagesWithTokensUntilDone() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            DescribeLogGroupsResponse page =
                    harness.call(DescribeLogGroupsRequest.builder().limit(2).nextToken(token).build());
            page.logGroups().forEach(group -> seen.add(group.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).containsExactly("B", "DataLogs", "a/1", "a/10", "a/2", "a/cold", "aws-DataLogs", "b",
                "datalogs");
    }

    @Test
    void noTokenWhenThePageEndsExactlyAtTheLastMatch() {
        DescribeLogGroupsResponse page =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePrefix("a/").limit(4).build());
        assertThat(page.logGroups()).hasSize(4);
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void pagesWithinAPrefix() {
        DescribeLogGroupsResponse first =
                harness.call(DescribeLogGroupsRequest.builder().logGroupNamePrefix("a/").limit(3).build());
        DescribeLogGroupsResponse second = harness.call(DescribeLogGroupsRequest.builder()
                .logGroupNamePrefix("a/").limit(3).nextToken(first.nextToken()).build());
        assertThat(first.logGroups()).extracting(LogGroup::logGroupName).containsExactly("a/1", "a/10", "a/2");
        assertThat(second.logGroups()).extracting(LogGroup::logGroupName).containsExactly("a/cold");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void refusesATamperedToken() {
        DescribeLogGroupsResponse first = harness.call(DescribeLogGroupsRequest.builder().limit(1).build());
        String token = first.nextToken();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().nextToken(tampered)),
                AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
        assertAwsError(() -> names(DescribeLogGroupsRequest.builder().nextToken("garbage")),
                AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
    }

    @Test
    void answersAnEmptyListForAnEmptyScope() {
        DescribeLogGroupsResponse response = harness.call(Harness.context("222222222222", "ap-south-1"),
                DescribeLogGroupsRequest.builder().build());
        assertThat(response.hasLogGroups()).isTrue();
        assertThat(response.logGroups()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }
}
