package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;

/** The filter-pattern language through TestMetricFilter on the real server. */
class LogsFilterIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        logs = server.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        logs.close();
        server.close();
    }

    @Test
    void spaceDelimitedPatternsMatchAndExtract() {
        var matches = logs.testMetricFilter(r -> r.filterPattern("[ip, user, status = 4*, bytes > 1000]")
                .logEventMessages("10.0.0.1 alice 404 2048", "10.0.0.2 bob 200 4096", "10.0.0.3 carol 403 10"))
                .matches();
        assertThat(matches).extracting(MetricFilterMatchRecord::eventNumber).containsExactly(1L);
        assertThat(matches.get(0).extractedValues()).containsEntry("$status", "404");
    }

    @Test
    void jsonAndTermPatterns() {
        assertThat(logs.testMetricFilter(r -> r.filterPattern("{ $.level = \"ERROR\" && $.latency > 100 }")
                .logEventMessages("{\"level\":\"ERROR\",\"latency\":250}", "{\"level\":\"INFO\",\"latency\":900}"))
                .matches()).extracting(MetricFilterMatchRecord::eventNumber).containsExactly(1L);
        assertThat(logs.testMetricFilter(r -> r.filterPattern("ERROR -timeout")
                .logEventMessages("ERROR disk full", "ERROR timeout talking to db", "all good")).matches())
                .extracting(MetricFilterMatchRecord::eventMessage).containsExactly("ERROR disk full");
    }

    @Test
    void invalidPatternsAreRejected() {
        assertThatThrownBy(() -> logs.testMetricFilter(r -> r.filterPattern("{ $.a = ").logEventMessages("x")))
                .isInstanceOf(InvalidParameterException.class);
    }
}
