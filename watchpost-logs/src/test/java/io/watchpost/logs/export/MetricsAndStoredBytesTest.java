package io.watchpost.logs.export;

import static io.watchpost.logs.export.LogsHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.port.MetricDatum;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;

class MetricsAndStoredBytesTest {
    @TempDir
    Path dir;
    LogsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new LogsHarness(dir);
        h.createStream("app", "s");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    long storedBytes(String group) {
        return h.<DescribeLogGroupsResponse>call(DescribeLogGroupsRequest.builder().logGroupNamePrefix(group).build())
                .logGroups().get(0).storedBytes();
    }

    @Test
    void incomingMetricsOncePerBatchPerGroupAndForTheAccount() {
        h.put("app", "s", NOW - 10, "héllo", NOW - 5, "abc"); // 6 + 3 UTF-8 bytes
        Instant at = Instant.ofEpochMilli(NOW);
        assertThat(h.metrics).containsExactlyInAnyOrder(
                new MetricDatum("AWS/Logs", "IncomingBytes", Map.of("LogGroupName", "app"), at, 9, Optional.of("Bytes")),
                new MetricDatum("AWS/Logs", "IncomingLogEvents", Map.of("LogGroupName", "app"), at, 2,
                        Optional.of("None")),
                new MetricDatum("AWS/Logs", "IncomingBytes", Map.of(), at, 9, Optional.of("Bytes")),
                new MetricDatum("AWS/Logs", "IncomingLogEvents", Map.of(), at, 2, Optional.of("None")));
    }

    @Test
    void forwardedMetricsPerDeliveredPayload() {
        h.call(PutSubscriptionFilterRequest.builder().logGroupName("app").filterName("errors")
                .filterPattern("ERROR").destinationArn("arn:aws:lambda:us-east-1:111122223333:function:f").build());
        h.metrics.clear();
        h.put("app", "s", NOW - 10, "ERROR one", NOW - 9, "fine", NOW - 8, "ERROR two");
        assertThat(h.delivered).hasSize(1);
        Map<String, String> dims = Map.of("LogGroupName", "app", "DestinationType", "Lambda", "FilterName", "errors");
        Instant at = Instant.ofEpochMilli(NOW);
        assertThat(h.metrics).contains(
                new MetricDatum("AWS/Logs", "ForwardedBytes", dims, at, h.delivered.get(0).payload().length,
                        Optional.of("Bytes")),
                new MetricDatum("AWS/Logs", "ForwardedLogEvents", dims, at, 2, Optional.of("None")));
    }

    @Test
    void storedBytesGrowsWithIngestionAndShrinksWithRetention() {
        assertThat(storedBytes("app")).isZero();
        long twoDaysAgo = NOW - Duration.ofDays(2).toMillis();
        h.put("app", "s", twoDaysAgo, "old event", twoDaysAgo + 1, "old again");
        h.put("app", "s", NOW - 1, "fresh");
        assertThat(storedBytes("app")).isEqualTo(9 + 9 + 5);

        h.call(PutRetentionPolicyRequest.builder().logGroupName("app").retentionInDays(1).build());
        h.advance(Duration.ofMinutes(1)); // the retention task
        assertThat(storedBytes("app")).isEqualTo(5);
    }
}
