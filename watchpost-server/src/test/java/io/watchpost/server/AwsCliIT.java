package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws CLI (botocore) against the real server, one resource family per service. botocore sends JSON 1.0 to
 * CloudWatch. Skipped cleanly where {@code aws} is not on the PATH.
 */
class AwsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Path aws;

    @BeforeAll
    static void start() throws Exception {
        aws = AwsCli.find();
        assumeTrue(aws != null, "the aws CLI is not on the PATH");
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Runs one CLI command; returns its parsed JSON output (an empty object for no output). */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url",
                server.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = AwsCli.process(command, dataDir);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s: %s", String.join(" ", args),
                new String(err, StandardCharsets.UTF_8)).isZero();
        String text = new String(out, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** Runs a command that must fail; returns its standard error. */
    private static String awsFails(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url",
                server.endpoint().toString(), "--region", "us-east-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = AwsCli.process(command, dataDir);
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isNotZero();
        return err;
    }

    @Test
    void logsGroupsOverTheCli() throws Exception {
        aws("logs", "create-log-group", "--log-group-name", "/cli/app");
        JsonNode groups = aws("logs", "describe-log-groups", "--log-group-name-prefix", "/cli/");
        assertThat(groups.at("/logGroups/0/logGroupName").asText()).isEqualTo("/cli/app");
        assertThat(awsFails("logs", "create-log-group", "--log-group-name", "/cli/app"))
                .contains("ResourceAlreadyExistsException");
        aws("logs", "delete-log-group", "--log-group-name", "/cli/app");
        assertThat(aws("logs", "describe-log-groups", "--log-group-name-prefix", "/cli/").path("logGroups"))
                .isEmpty();
    }

    @Test
    void cloudWatchDashboardsOverJson() throws Exception {
        String body = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,"
                + "\"properties\":{\"markdown\":\"hello\"}}]}";
        aws("cloudwatch", "put-dashboard", "--dashboard-name", "cli-board", "--dashboard-body", body);
        JsonNode dashboard = aws("cloudwatch", "get-dashboard", "--dashboard-name", "cli-board");
        assertThat(JSON.readTree(dashboard.path("DashboardBody").asText()).at("/widgets/0/type").asText())
                .isEqualTo("text");
        JsonNode list = aws("cloudwatch", "list-dashboards");
        assertThat(list.at("/DashboardEntries/0/DashboardName").asText()).isEqualTo("cli-board");
        assertThat(awsFails("cloudwatch", "get-dashboard", "--dashboard-name", "missing"))
                .contains("ResourceNotFound");
    }

    @Test
    void metricsOverJson() throws Exception {
        long now = java.time.Instant.now().getEpochSecond() / 60 * 60 - 600;
        String when = java.time.Instant.ofEpochSecond(now).toString();
        aws("cloudwatch", "put-metric-data", "--namespace", "Cli", "--metric-name", "Hits", "--value", "3",
                "--unit", "Count", "--timestamp", when, "--dimensions", "Host=a");
        aws("cloudwatch", "put-metric-data", "--namespace", "Cli", "--metric-name", "Hits", "--value", "5",
                "--unit", "Count", "--timestamp", when, "--dimensions", "Host=a");
        JsonNode stats = aws("cloudwatch", "get-metric-statistics", "--namespace", "Cli", "--metric-name", "Hits",
                "--dimensions", "Name=Host,Value=a", "--start-time", when, "--end-time",
                java.time.Instant.ofEpochSecond(now + 60).toString(), "--period", "60",
                "--statistics", "Sum", "Maximum", "SampleCount");
        assertThat(stats.at("/Datapoints/0/Sum").asDouble()).isEqualTo(8.0);
        assertThat(stats.at("/Datapoints/0/Maximum").asDouble()).isEqualTo(5.0);
        assertThat(stats.at("/Datapoints/0/Unit").asText()).isEqualTo("Count");
        JsonNode metrics = aws("cloudwatch", "list-metrics", "--namespace", "Cli");
        assertThat(metrics.at("/Metrics/0/Dimensions/0/Value").asText()).isEqualTo("a");
        assertThat(awsFails("cloudwatch", "put-metric-data", "--namespace", "AWS/EC2", "--metric-name", "X",
                "--value", "1")).contains("InvalidParameterValue");
    }

    @Test
    void eventBusesOverTheCli() throws Exception {
        aws("events", "create-event-bus", "--name", "cli-bus");
        JsonNode buses = aws("events", "list-event-buses");
        assertThat(buses.path("EventBuses").findValuesAsText("Name")).contains("default", "cli-bus");
        assertThat(aws("events", "describe-event-bus").path("Name").asText()).isEqualTo("default");
    }

    @Test
    void xraySamplingRulesOverTheCli() throws Exception {
        JsonNode rules = aws("xray", "get-sampling-rules");
        assertThat(rules.path("SamplingRuleRecords").findValuesAsText("RuleName")).contains("Default");
    }

    @Test
    void cloudTrailWithNoTrails() throws Exception {
        assertThat(aws("cloudtrail", "describe-trails").path("trailList")).isEmpty();
        assertThat(aws("cloudtrail", "list-trails").path("Trails")).isEmpty();
    }

    @Test
    void schemaRegistriesOverRestJson() throws Exception {
        aws("schemas", "create-registry", "--registry-name", "cli-registry");
        JsonNode registry = aws("schemas", "describe-registry", "--registry-name", "cli-registry");
        assertThat(registry.path("RegistryName").asText()).isEqualTo("cli-registry");
        assertThat(aws("schemas", "list-registries").path("Registries").findValuesAsText("RegistryName"))
                .contains("cli-registry");
    }
}
