package io.watchpost.logs.stream;

import static io.watchpost.logs.stream.EventsHarness.NOW;
import static io.watchpost.logs.stream.EventsHarness.assertAwsError;
import static io.watchpost.logs.stream.EventsHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import io.watchpost.logs.ingest.IngestedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

class PutLogEventsTest {
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    private EventsHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EventsHarness(dir);
        h.group("g");
        h.stream("g", "s");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private List<String> messages() {
        GetLogEventsResponse response = h.call(GetLogEventsRequest.builder().logGroupName("g").logStreamName("s")
                .startFromHead(true).build());
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    @Test
    void storesEventsAndReturnsASequenceToken() {
        PutLogEventsResponse response = h.put("g", "s", event(NOW - 2, "one"), event(NOW - 1, "two"));
        assertThat(response.nextSequenceToken()).hasSize(56);
        assertThat(response.rejectedLogEventsInfo()).isNull();
        // Sequence tokens are accepted and ignored, as AWS does now.
        h.call(PutLogEventsRequest.builder().logGroupName("g").logStreamName("s").sequenceToken("whatever")
                .logEvents(event(NOW, "three")).build());
        assertThat(messages()).containsExactly("one", "two", "three");
    }

    @Test
    void rejectsTooOldExpiredAndTooNewEventsAndStoresTheRest() {
        h.call(PutRetentionPolicyRequest.builder().logGroupName("g").retentionInDays(1).build());
        PutLogEventsResponse response = h.put("g", "s",
                event(NOW - 15 * DAY, "too old"),
                event(NOW - 2 * DAY, "expired"),
                event(NOW - HOUR, "kept"),
                event(NOW + HOUR, "kept too"),
                event(NOW + 3 * HOUR, "too new"));
        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(response.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(2);
        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(4);
        assertThat(messages()).containsExactly("kept", "kept too");
    }

    @Test
    void refusesBatchesAwsRefuses() {
        assertAwsError(() -> h.put("g", "s", event(NOW, "b"), event(NOW - 1, "a")), AwsError.LOGS_INVALID_PARAMETER,
                "Log events in a single PutLogEvents request must be in chronological order.");
        assertAwsError(() -> h.put("g", "s", event(NOW - 25 * HOUR, "a"), event(NOW, "b")),
                AwsError.LOGS_INVALID_PARAMETER,
                "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        String big = "x".repeat(1_048_576 - 26 + 1);
        assertAwsError(() -> h.put("g", "s", event(NOW, big)), AwsError.LOGS_INVALID_PARAMETER,
                "Upload too large: 1048577 bytes exceeds limit of 1048576");
        h.put("g", "s", event(NOW, big.substring(1))); // exactly the limit is fine
        List<InputLogEvent> tooMany = new ArrayList<>(Collections.nCopies(10_001, event(NOW, "m")));
        assertAwsError(() -> h.call(PutLogEventsRequest.builder().logGroupName("g").logStreamName("s")
                        .logEvents(tooMany).build()), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'logEvents' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 10000");
        assertAwsError(() -> h.call(PutLogEventsRequest.builder().logGroupName("g").logStreamName("s").build()),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value null at 'logEvents' failed "
                        + "to satisfy constraint: Member must not be null");
    }

    @Test
    void answersNotFoundForMissingGroupOrStream() {
        assertAwsError(() -> h.put("nope", "s", event(NOW, "a")), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertAwsError(() -> h.put("g", "nope", event(NOW, "a")), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
    }

    @Test
    void tellsListenersAfterStoring() {
        List<String> seen = new ArrayList<>();
        h.events.addIngestListener((Scope scope, String group, String stream, List<IngestedEvent> events) ->
                events.forEach(e -> seen.add(group + "/" + stream + ":" + e.message() + "@" + e.ingestionTime())));
        h.put("g", "s", event(NOW - 15 * DAY, "rejected"), event(NOW, "a"), event(NOW, "b"));
        assertThat(seen).containsExactly("g/s:a@" + NOW, "g/s:b@" + NOW);
    }

    @Test
    void logSinkCreatesTheStreamButNeedsTheGroup() {
        LogSink sink = h.events.logSink();
        Scope scope = new Scope(EventsHarness.ACCOUNT, EventsHarness.REGION);
        sink.append(scope, "g", "new-stream", List.of(new LogSink.LogEntry(NOW, "from eventbridge")));
        sink.append(scope, "g", "new-stream", List.of(new LogSink.LogEntry(NOW + 1, "again")));
        GetLogEventsResponse response = h.call(GetLogEventsRequest.builder().logGroupName("g")
                .logStreamName("new-stream").startFromHead(true).build());
        assertThat(response.events()).extracting(OutputLogEvent::message).containsExactly("from eventbridge", "again");
        assertAwsError(() -> sink.append(scope, "missing", "x", List.of(new LogSink.LogEntry(NOW, "m"))),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }
}
