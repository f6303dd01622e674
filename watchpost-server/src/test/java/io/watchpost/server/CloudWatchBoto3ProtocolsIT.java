package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CloudWatch through a real client in each of its three protocols: boto3 with its service model narrowed to one
 * protocol (awsQuery, JSON 1.0, RPC v2 CBOR) puts and reads metrics, metric math, a Metrics Insights query, an alarm
 * with its history, tags,
 * a mute rule and two errors (script: {@code cloudwatch_protocols.py}). Every protocol must see the same answers.
 * Skipped where python3 with boto3 is missing.
 */
class CloudWatchBoto3ProtocolsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(pythonHasBoto3(), "python3 with boto3 is not available");
        server = TestServer.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json", "smithy-rpc-v2-cbor"})
    void everyProtocolAnswersAlike(String protocol) throws Exception {
        server.watchpost().reset();
        Path scratch = Files.createDirectories(dir.resolve(protocol));
        Path script = scratch.resolve("cloudwatch_protocols.py");
        try (var in = CloudWatchBoto3ProtocolsIT.class.getResourceAsStream("/cloudwatch_protocols.py")) {
            Files.copy(in, script);
        }
        Process process = AwsCli.process(List.of("python3", script.toString(), server.endpoint().toString(),
                protocol, scratch.resolve("models").toString()), scratch).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        JsonNode seen = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());

        assertThat(seen.path("protocol").asText()).as("boto3 spoke the protocol asked for").isEqualTo(protocol);
        assertThat(seen.path("stats")).isEqualTo(JSON.readTree(
                "[[40.0, 2.0, 30.0, \"Milliseconds\"], [50.0, 2.0, 30.0, \"Milliseconds\"]]"));
        assertThat(seen.path("metrics")).isEqualTo(JSON.readTree("[\"Latency\"]"));
        assertThat(seen.path("math")).isEqualTo(JSON.readTree("[80.0, 100.0]"));
        assertThat(seen.path("insights")).as("Metrics Insights: one group, Host a")
                .isEqualTo(JSON.readTree("[[\"a\", [20.0, 25.0]]]"));
        assertThat(seen.path("alarm")).isEqualTo(JSON.readTree("[\"INSUFFICIENT_DATA\", 100.0, \"a\"]"));
        assertThat(seen.path("history")).isEqualTo(JSON.readTree("[\"ConfigurationUpdate\", \"StateUpdate\"]"));
        assertThat(seen.path("tags")).isEqualTo(JSON.readTree("[{\"Key\": \"team\", \"Value\": \"web\"}]"));
        assertThat(seen.path("muteRules")).isEqualTo(JSON.readTree("[[\"window\", \"RECURRING\"]]"));
        assertThat(seen.path("error")).isEqualTo(JSON.readTree("[\"ResourceNotFound\", 404]"));
        assertThat(seen.path("invalid").path(1).asInt()).isEqualTo(400);
    }

    private static boolean pythonHasBoto3() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3").start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
