package io.watchpost.logs.stream;

import static io.watchpost.logs.stream.EventsHarness.NOW;
import static io.watchpost.logs.stream.EventsHarness.assertAwsError;
import static io.watchpost.logs.stream.EventsHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

class LogStreamsTest {
    @TempDir
    Path dir;

    private EventsHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EventsHarness(dir);
        h.group("g");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private DescribeLogStreamsResponse describe(DescribeLogStreamsRequest.Builder request) {
        return h.call(request.build());
    }

    private List<String> names(DescribeLogStreamsResponse response) {
        return response.logStreams().stream().map(LogStream::logStreamName).toList();
    }

    @Test
    void createsAndDescribesWithAwsFields() {
        h.stream("g", "s1");
        LogStream stream = describe(DescribeLogStreamsRequest.builder().logGroupName("g")).logStreams().get(0);
        assertThat(stream.logStreamName()).isEqualTo("s1");
        assertThat(stream.creationTime()).isEqualTo(NOW);
        assertThat(stream.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s1");
        assertThat(stream.firstEventTimestamp()).isNull();
        assertThat(stream.lastIngestionTime()).isNull();

        h.clock.advance(Duration.ofSeconds(5));
        h.put("g", "s1", event(NOW - 1000, "a"), event(NOW, "b"));
        stream = describe(DescribeLogStreamsRequest.builder().logGroupName("g")).logStreams().get(0);
        assertThat(stream.firstEventTimestamp()).isEqualTo(NOW - 1000);
        assertThat(stream.lastEventTimestamp()).isEqualTo(NOW);
        assertThat(stream.lastIngestionTime()).isEqualTo(NOW + 5000);
        assertThat(stream.uploadSequenceToken()).hasSize(56);
    }

    @Test
    void refusesDuplicatesMissingGroupsAndBadNames() {
        h.stream("g", "s1");
        assertAwsError(() -> h.stream("g", "s1"), AwsError.LOGS_RESOURCE_ALREADY_EXISTS,
                "The specified log stream already exists");
        assertAwsError(() -> h.stream("nope", "s1"), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertAwsError(() -> h.stream("g", "a:b"), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'logStreamName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [^:*]*");
        assertAwsError(() -> h.call(CreateLogStreamRequest.builder().logGroupName("g").build()),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value null at 'logStreamName' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void ordersByNameOrLastEventTimeAndPaginates() {
        for (String name : List.of("c", "a", "b", "ab")) {
            h.stream("g", name);
        }
        h.put("g", "a", event(NOW - 3, "x"));
        h.put("g", "c", event(NOW - 2, "x"));
        h.put("g", "b", event(NOW - 1, "x"));
        assertThat(names(describe(DescribeLogStreamsRequest.builder().logGroupName("g"))))
                .containsExactly("a", "ab", "b", "c");
        assertThat(names(describe(DescribeLogStreamsRequest.builder().logGroupName("g").logStreamNamePrefix("a"))))
                .containsExactly("a", "ab");
        assertThat(names(describe(DescribeLogStreamsRequest.builder().logGroupIdentifier("g")
                .orderBy("LastEventTime").descending(true)))).containsExactly("b", "c", "a", "ab");

        DescribeLogStreamsResponse first = describe(DescribeLogStreamsRequest.builder().logGroupName("g").limit(3));
        assertThat(names(first)).containsExactly("a", "ab", "b");
        DescribeLogStreamsResponse second = describe(DescribeLogStreamsRequest.builder().logGroupName("g").limit(3)
                .nextToken(first.nextToken()));
        assertThat(names(second)).containsExactly("c");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void answersAwsErrorsForDescribe() {
        assertAwsError(() -> describe(DescribeLogStreamsRequest.builder().logGroupName("g")
                        .orderBy("LastEventTime").logStreamNamePrefix("a")), AwsError.LOGS_INVALID_PARAMETER,
                "Cannot order by LastEventTime with a logStreamNamePrefix.");
        assertAwsError(() -> describe(DescribeLogStreamsRequest.builder().logGroupName("g").logGroupIdentifier("g")),
                AwsError.LOGS_VALIDATION, "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        assertAwsError(() -> describe(DescribeLogStreamsRequest.builder().logGroupName("g").limit(51)),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'limit' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 50");
        assertAwsError(() -> describe(DescribeLogStreamsRequest.builder().logGroupName("g").nextToken("junk")),
                AwsError.LOGS_INVALID_PARAMETER, "The specified nextToken is invalid.");
        assertAwsError(() -> describe(DescribeLogStreamsRequest.builder().logGroupName("none")),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        assertThat(names(describe(DescribeLogStreamsRequest.builder()
                .logGroupIdentifier("arn:aws:logs:us-east-1:000000000000:log-group:g")))).isEmpty();
    }

    @Test
    void deletesStreamsAndTheirEvents() {
        h.stream("g", "s");
        h.put("g", "s", event(NOW, "old"));
        h.call(DeleteLogStreamRequest.builder().logGroupName("g").logStreamName("s").build());
        assertAwsError(() -> h.call(DeleteLogStreamRequest.builder().logGroupName("g").logStreamName("s").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
        h.stream("g", "s");
        assertThat(h.<software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse>call(
                GetLogEventsRequest.builder().logGroupName("g").logStreamName("s").build()).events()).isEmpty();
    }

    @Test
    void deletingTheGroupDeletesStreamsAndEventsAlsoAfterRestart() throws Exception {
        h.stream("g", "s");
        h.put("g", "s", event(NOW, "old"));
        h.call(DeleteLogGroupRequest.builder().logGroupName("g").build());
        h.reopen();
        h.group("g");
        assertThat(names(describe(DescribeLogStreamsRequest.builder().logGroupName("g")))).isEmpty();
        h.stream("g", "s");
        assertThat(h.<software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse>call(
                GetLogEventsRequest.builder().logGroupName("g").logStreamName("s").build()).events()).isEmpty();
    }

    @Test
    void streamsSurviveARestart() throws Exception {
        h.stream("g", "s");
        h.reopen();
        assertThat(names(describe(DescribeLogStreamsRequest.builder().logGroupName("g")))).containsExactly("s");
    }
}
