package io.watchpost.logs.stream;

import static io.watchpost.logs.stream.EventsHarness.NOW;
import static io.watchpost.logs.stream.EventsHarness.assertAwsError;
import static io.watchpost.logs.stream.EventsHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.logs.ingest.IngestListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

class DurabilityAndRetentionTest {
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

    /** Writes {@code count} single-event batches of ~200 bytes from {@code start}, one millisecond apart. */
    private List<String> fill(long start, int count, String tag) {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String message = tag + "-" + i + "-" + "x".repeat(180);
            h.put("g", "s", event(start + i, message));
            written.add(message);
        }
        return written;
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("logs"))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void eventsSurviveARestartAcrossSealedSegments() throws Exception {
        List<String> written = fill(NOW - 100, 60, "e");
        assertThat(files(".seg")).isNotEmpty();
        h.reopen();
        assertThat(messages()).isEqualTo(written);
        h.put("g", "s", event(NOW, "after restart"));
        assertThat(messages()).endsWith("after restart");
    }

    @Test
    void acknowledgedEventsSurviveAProcessThatNeverClosed() throws Exception {
        List<String> written = fill(NOW - 100, 30, "k");
        // kill -9: nothing is closed or flushed by us; a second process opens the same files.
        EventsHarness crashed = h;
        h = new EventsHarness(dir);
        assertThat(messages()).isEqualTo(written);
        crashed.abandon();
    }

    @Test
    void afterACrashTheNewestBatchesReachTheIngestListenersAgain() throws Exception {
        h.group("app");
        h.stream("app", "s");
        h.put("app", "s", event(NOW - 1000, "long before the crash"));
        h.clock.advance(Duration.ofMinutes(1));
        h.put("app", "s", event(NOW + 59_000, "just before"), event(NOW + 59_500, "the crash"));
        List<String> replayed = new ArrayList<>();
        IngestListener listener = (scope, group, stream, events) -> events.forEach(e -> replayed.add(group + "/"
                + stream + ": " + e.message() + " @" + (e.ingestionTime() - NOW)));

        h.reopen();
        assertThat(h.events.replayAfterCrash(listener, Duration.ofSeconds(5))).as("after a clean shutdown").isZero();

        EventsHarness crashed = h;  // kill -9: nothing closed; a second process opens the same files
        h = new EventsHarness(dir);
        assertThat(h.events.replayAfterCrash(listener, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(replayed).containsExactly("app/s: just before @60000", "app/s: the crash @60000");
        crashed.abandon();
    }

    @Test
    void aTornTailIsCutAndEveryAcknowledgedEventRemains() throws Exception {
        List<String> written = fill(NOW - 10, 5, "t");
        h.close();
        // A crash in the middle of the next append: half a frame at the end of the active segment.
        Path active = files(".log").get(0);
        Files.write(active, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
        h = new EventsHarness(dir);
        assertThat(messages()).isEqualTo(written);
        h.put("g", "s", event(NOW, "next"));
        h.reopen();
        assertThat(messages()).hasSize(6).endsWith("next");
    }

    @Test
    void retentionHidesExpiredEventsAtOnceAndDeletesTheirSegments() throws Exception {
        fill(NOW - 3 * HOUR, 60, "old");
        h.put("g", "s", event(NOW, "fresh"));
        int sealedBefore = files(".seg").size();
        assertThat(sealedBefore).isGreaterThan(1);
        h.call(PutRetentionPolicyRequest.builder().logGroupName("g").retentionInDays(1).build());
        DescribeLogGroupsResponse groups = h.call(DescribeLogGroupsRequest.builder().build());
        assertThat(groups.logGroups().get(0).retentionInDays()).isEqualTo(1);

        h.clock.advance(Duration.ofHours(22)); // now - 1 day = NOW - 2h: the "old" events expire
        assertThat(messages()).containsExactly("fresh");
        FilterLogEventsResponse filtered = h.call(FilterLogEventsRequest.builder().logGroupName("g").build());
        assertThat(filtered.events()).extracting(FilteredLogEvent::message).containsExactly("fresh");

        h.scheduler.runDue();
        assertThat(files(".seg").size()).isLessThan(sealedBefore);
        h.reopen();
        assertThat(messages()).containsExactly("fresh");
    }

    @Test
    void retentionPolicyValuesAreAwsOnes() {
        assertAwsError(() -> h.call(PutRetentionPolicyRequest.builder().logGroupName("g").retentionInDays(2).build()),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'retentionInDays' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, "
                        + "150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
        assertAwsError(() -> h.call(PutRetentionPolicyRequest.builder().logGroupName("x").retentionInDays(3).build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        h.call(PutRetentionPolicyRequest.builder().logGroupName("g").retentionInDays(3653).build());
        h.call(DeleteRetentionPolicyRequest.builder().logGroupName("g").build());
        DescribeLogGroupsResponse groups = h.call(DescribeLogGroupsRequest.builder().build());
        assertThat(groups.logGroups().get(0).retentionInDays()).isNull();
    }
}
