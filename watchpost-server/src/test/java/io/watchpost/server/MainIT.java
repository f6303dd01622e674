package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * The server as a process: exit code 2 on bad configuration, and no acknowledged write — control-plane state, log
 * events, metric datapoints — lost to kill -9.
 */
class MainIT {
    /** A whole minute a little in the past, inside every retention window. */
    private static final java.time.Instant MINUTE = java.time.Instant.now()
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(600);
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    /** Runs the packaged server (target/watchpost-server.jar and target/lib), exactly as ./watchpost does. */
    private static Process launch(String... args) throws Exception {
        Path jar = Path.of("target", "watchpost-server.jar");
        assertThat(jar).as("failsafe runs after package").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void badConfigurationListsEveryProblemAndExitsWith2() throws Exception {
        Process process = launch("--port", "abc", "--auth", "sometimes", "--default-account", "x");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("port 'abc'").contains("sometimes").contains("12 digits");
    }

    @Test
    void acknowledgedWritesSurviveKill9(@TempDir Path dataDir) throws Exception {
        int port = startAndCreate(dataDir);
        Process second = launch("--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--xray-daemon-port", "0");
        try {
            awaitPort(second);
            try (TestServerClient client = new TestServerClient(port)) {
                assertThat(client.logs.describeLogGroups(r -> r.logGroupNamePrefix("/kill9/")).logGroups())
                        .extracting(LogGroup::logGroupName).hasSize(20);
                assertThat(client.logs.getLogEvents(r -> r.logGroupName("/kill9/0").logStreamName("s")
                        .startFromHead(true)).events()).hasSize(20);
                var sum = client.cloudWatch.getMetricStatistics(r -> r.namespace("Kill9").metricName("Acked")
                        .startTime(MINUTE).endTime(MINUTE.plusSeconds(60)).period(60)
                        .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM,
                                software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT))
                        .datapoints();
                assertThat(sum).singleElement().satisfies(point -> {
                    assertThat(point.sampleCount()).isEqualTo(20.0);
                    assertThat(point.sum()).isEqualTo(190.0);
                });
            }
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int startAndCreate(Path dataDir) throws Exception {
        Process first = launch("--port", "0", "--data-dir", dataDir.toString(), "--xray-daemon-port", "0");
        try {
            int port = awaitPort(first);
            try (TestServerClient client = new TestServerClient(port)) {
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    client.logs.createLogGroup(r -> r.logGroupName("/kill9/" + n));
                }
                client.logs.createLogStream(r -> r.logGroupName("/kill9/0").logStreamName("s"));
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    client.logs.putLogEvents(r -> r.logGroupName("/kill9/0").logStreamName("s").logEvents(
                            software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder()
                                    .timestamp(MINUTE.toEpochMilli() + n).message("acked " + n).build()));
                    client.cloudWatch.putMetricData(r -> r.namespace("Kill9").metricData(
                            software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder()
                                    .metricName("Acked").value((double) n).timestamp(MINUTE.plusSeconds(n))
                                    .build()));
                }
            }
            return port;
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int awaitPort(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (int lines = 0; lines < 200; lines++) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread.ofVirtual().start(() -> drain(reader));
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the server did not report its port");
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // keep the pipe empty so the child never blocks on output
            }
        } catch (java.io.IOException ignored) {
            // the process ended
        }
    }

    /** SDK clients for a server this test did not start in-process. */
    private static final class TestServerClient implements AutoCloseable {
        final CloudWatchLogsClient logs;
        final software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch;

        TestServerClient(int port) {
            java.net.URI endpoint = java.net.URI.create("http://127.0.0.1:" + port);
            var credentials = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"));
            logs = CloudWatchLogsClient.builder().endpointOverride(endpoint)
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(credentials)
                    .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder())
                    .build();
            cloudWatch = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                    .endpointOverride(endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(credentials)
                    .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder())
                    .build();
        }

        @Override
        public void close() {
            logs.close();
            cloudWatch.close();
        }
    }
}
