package io.watchpost.logs.stream;

import static io.watchpost.logs.stream.EventsHarness.NOW;
import static io.watchpost.logs.stream.EventsHarness.assertAwsError;
import static io.watchpost.logs.stream.EventsHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.logs.store.EventPosition;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;

class FieldsAndRecordTest {
    @TempDir
    Path dir;

    private EventsHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EventsHarness(dir);
        h.group("g");
        h.stream("g", "s");
        h.put("g", "s", event(NOW - 3000, "{\"a\":{\"b\":1},\"list\":[\"x\"]}"), event(NOW - 2000, "{\"a\":{\"b\":2}}"),
                event(NOW - 1000, "plain text"), event(NOW - 500, "{\"c\":true}"));
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void groupFieldsCountJsonKeysOverRecentEvents() {
        GetLogGroupFieldsResponse response = h.call(GetLogGroupFieldsRequest.builder().logGroupName("g").build());
        assertThat(response.logGroupFields()).extracting(LogGroupField::name, LogGroupField::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("@ingestionTime", 100),
                org.assertj.core.groups.Tuple.tuple("@log", 100),
                org.assertj.core.groups.Tuple.tuple("@logStream", 100),
                org.assertj.core.groups.Tuple.tuple("@message", 100),
                org.assertj.core.groups.Tuple.tuple("@timestamp", 100),
                org.assertj.core.groups.Tuple.tuple("a.b", 50),
                org.assertj.core.groups.Tuple.tuple("c", 25),
                org.assertj.core.groups.Tuple.tuple("list.0", 25));
        GetLogGroupFieldsResponse old = h.call(GetLogGroupFieldsRequest.builder().logGroupName("g")
                .time(NOW / 1000 - 3600).build());
        assertThat(old.logGroupFields()).isEmpty();
    }

    @Test
    void logRecordResolvesAPointer() {
        FilterLogEventsResponse found = h.call(FilterLogEventsRequest.builder().logGroupName("g").limit(1).build());
        EventPosition position = EventPosition.parseDigits(found.events().get(0).eventId()).orElseThrow();
        String pointer = h.events.recordPointers().encode("g", "s", position);
        GetLogRecordResponse record = h.call(GetLogRecordRequest.builder().logRecordPointer(pointer).build());
        assertThat(record.logRecord()).containsEntry("@message", "{\"a\":{\"b\":1},\"list\":[\"x\"]}")
                .containsEntry("@log", "000000000000:g").containsEntry("@logStream", "s")
                .containsEntry("@timestamp", Long.toString(NOW - 3000)).containsEntry("a.b", "1")
                .containsEntry("list.0", "x");
        assertAwsError(() -> h.call(GetLogRecordRequest.builder().logRecordPointer("forged").build()),
                AwsError.LOGS_INVALID_PARAMETER, "The specified logRecordPointer is invalid.");
    }
}
