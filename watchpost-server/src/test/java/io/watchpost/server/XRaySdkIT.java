package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The real aws-xray-sdk for Python against the daemon port: its UDP segments arrive as traces and its
 * centralized-sampling connector gets rules and targets through the daemon's TCP proxy. Skipped where python3
 * or the SDK is missing.
 */
class XRaySdkIT {
    @Test
    void pythonSdkSegmentsAndSamplingGoThroughTheDaemon(@TempDir Path dataDir) throws Exception {
        assumeTrue(pythonHasXraySdk(), "python3 with aws-xray-sdk is not available");
        try (TestServer server = TestServer.start(dataDir)) {
            Path script = dataDir.resolve("xray_sdk_client.py");
            try (var in = XRaySdkIT.class.getResourceAsStream("/xray_sdk_client.py")) {
                Files.copy(in, script);
            }
            Process process = new ProcessBuilder("python3", script.toString(),
                    "127.0.0.1:" + server.watchpost().xrayDaemonPort()).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(err).isZero();
            JsonNode result = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
            assertThat(result.path("rules").toString()).contains("Default");
            String traceId = result.path("traceId").asText();
            try (XRayClient xray = server.client(XRayClient.builder())) {
                var traces = xray.batchGetTraces(r -> r.traceIds(traceId)).traces();
                for (int i = 0; i < 100 && traces.isEmpty(); i++) {
                    Thread.sleep(50);  // UDP is fire-and-forget; give the datagram a bounded moment to land
                    traces = xray.batchGetTraces(r -> r.traceIds(traceId)).traces();
                }
                assertThat(traces).singleElement().satisfies(trace -> assertThat(trace.segments()).isNotEmpty());
                assertThat(xray.getTraceSummaries(r -> r.startTime(Instant.now().minus(5, ChronoUnit.MINUTES))
                        .endTime(Instant.now().plusSeconds(5)).filterExpression("annotation.customer = \"alice\""))
                        .traceSummaries()).extracting(s -> s.id()).contains(traceId);
            }
        }
    }

    private static boolean pythonHasXraySdk() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import aws_xray_sdk").start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
