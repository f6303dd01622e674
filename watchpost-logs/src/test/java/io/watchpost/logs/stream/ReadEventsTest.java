package io.watchpost.logs.stream;

import static io.watchpost.logs.stream.EventsHarness.NOW;
import static io.watchpost.logs.stream.EventsHarness.assertAwsError;
import static io.watchpost.logs.stream.EventsHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

class ReadEventsTest {
    @TempDir
    Path dir;

    private EventsHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EventsHarness(dir);
        h.group("g");
        h.stream("g", "a");
        h.stream("g", "b");
        h.stream("g", "c");
        // Ten events in "a" at NOW-10..NOW-1, out of order across two batches.
        h.put("g", "a", event(NOW - 5, "a5"), event(NOW - 4, "a6"), event(NOW - 3, "a7"), event(NOW - 2, "a8"),
                event(NOW - 1, "a9"));
        h.put("g", "a", event(NOW - 10, "a0"), event(NOW - 9, "a1"), event(NOW - 8, "a2"), event(NOW - 7, "a3"),
                event(NOW - 6, "a4"));
        h.put("g", "b", event(NOW - 8, "b ERROR 1"), event(NOW - 4, "b info"), event(NOW - 2, "b ERROR 2"));
        h.put("g", "c", event(NOW - 9, "{\"level\":\"error\",\"code\":500}"));
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private GetLogEventsResponse get(GetLogEventsRequest.Builder request) {
        return h.call(request.logGroupName("g").logStreamName("a").build());
    }

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    @Test
    void readsFromTheHeadOrTheTailInTimeOrder() {
        assertThat(messages(get(GetLogEventsRequest.builder().startFromHead(true).limit(3))))
                .containsExactly("a0", "a1", "a2");
        assertThat(messages(get(GetLogEventsRequest.builder().limit(3)))).containsExactly("a7", "a8", "a9");
        assertThat(messages(get(GetLogEventsRequest.builder().startTime(NOW - 6).endTime(NOW - 3)
                .startFromHead(true)))).containsExactly("a4", "a5", "a6");
    }

    @Test
    void forwardTokensWalkToTheEndAndThenComeBackUnchanged() {
        GetLogEventsResponse page = get(GetLogEventsRequest.builder().startFromHead(true).limit(4));
        List<String> all = new ArrayList<>(messages(page));
        assertThat(page.nextForwardToken()).matches("f/\\d{56}/s");
        assertThat(page.nextBackwardToken()).matches("b/\\d{56}/s");
        String token = page.nextForwardToken();
        while (true) {
            GetLogEventsResponse next = get(GetLogEventsRequest.builder().startFromHead(true).limit(4)
                    .nextToken(token));
            all.addAll(messages(next));
            if (next.nextForwardToken().equals(token)) {
                assertThat(next.events()).isEmpty();
                break;
            }
            token = next.nextForwardToken();
        }
        assertThat(all).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
    }

    @Test
    void backwardTokensWalkToTheHead() {
        GetLogEventsResponse page = get(GetLogEventsRequest.builder().limit(4));
        assertThat(messages(page)).containsExactly("a6", "a7", "a8", "a9");
        GetLogEventsResponse before = get(GetLogEventsRequest.builder().limit(4).nextToken(page.nextBackwardToken()));
        assertThat(messages(before)).containsExactly("a2", "a3", "a4", "a5");
        GetLogEventsResponse head = get(GetLogEventsRequest.builder().limit(4).nextToken(before.nextBackwardToken()));
        assertThat(messages(head)).containsExactly("a0", "a1");
        GetLogEventsResponse end = get(GetLogEventsRequest.builder().limit(4).nextToken(head.nextBackwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextBackwardToken()).isEqualTo(head.nextBackwardToken());
    }

    @Test
    void getAnswersAwsErrors() {
        assertAwsError(() -> get(GetLogEventsRequest.builder().nextToken("f/123")), AwsError.LOGS_INVALID_PARAMETER,
                "The specified nextToken is invalid.");
        assertAwsError(() -> h.call(GetLogEventsRequest.builder().logGroupName("g").logStreamName("zz").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
        assertAwsError(() -> get(GetLogEventsRequest.builder().limit(10_001)), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10000");
    }

    private FilterLogEventsResponse filter(FilterLogEventsRequest.Builder request) {
        return h.call(request.logGroupName("g").build());
    }

    private static List<String> filtered(FilterLogEventsResponse response) {
        return response.events().stream().map(FilteredLogEvent::message).toList();
    }

    @Test
    void filterInterleavesStreamsByTimestampAndMatchesPatterns() {
        FilterLogEventsResponse all = filter(FilterLogEventsRequest.builder().startTime(NOW - 9).endTime(NOW - 8));
        assertThat(filtered(all)).containsExactly("a1", "{\"level\":\"error\",\"code\":500}", "a2", "b ERROR 1");
        assertThat(all.events().get(0).logStreamName()).isEqualTo("a");
        assertThat(all.events().get(0).eventId()).hasSize(56);
        assertThat(all.searchedLogStreams()).isEmpty();
        assertThat(all.nextToken()).isNull();

        assertThat(filtered(filter(FilterLogEventsRequest.builder().filterPattern("ERROR"))))
                .containsExactly("b ERROR 1", "b ERROR 2");
        assertThat(filtered(filter(FilterLogEventsRequest.builder().filterPattern("{ $.code = 500 }"))))
                .containsExactly("{\"level\":\"error\",\"code\":500}");
        assertThat(filtered(filter(FilterLogEventsRequest.builder().logStreamNamePrefix("b")))).hasSize(3);
        assertThat(filtered(filter(FilterLogEventsRequest.builder().logStreamNames("c", "missing")))).hasSize(1);
    }

    @Test
    void filterPaginatesWithTokens() {
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            FilterLogEventsResponse page = filter(FilterLogEventsRequest.builder().limit(4).nextToken(token));
            all.addAll(filtered(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(all).hasSize(14);
        assertThat(pages).isEqualTo(4);
        assertThat(all.get(0)).isEqualTo("a0");
        assertThat(all.get(13)).isEqualTo("a9");
    }

    @Test
    void filterAnswersAwsErrors() {
        assertAwsError(() -> filter(FilterLogEventsRequest.builder().nextToken("bad")), AwsError.LOGS_INVALID_PARAMETER,
                "The specified nextToken is invalid.");
        assertAwsError(() -> filter(FilterLogEventsRequest.builder().logStreamNames("a").logStreamNamePrefix("a")),
                AwsError.LOGS_INVALID_PARAMETER,
                "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        assertAwsError(() -> h.call(FilterLogEventsRequest.builder().logGroupName("nope").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }
}
