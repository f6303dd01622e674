package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Finds the aws CLI on the PATH; tests that need it are skipped when it is absent. */
final class AwsCli {
    private AwsCli() {}

    /**
     * A CLI process isolated from the machine's own AWS configuration: test credentials, no config or credentials
     * files, no retries, no pager.
     */
    static ProcessBuilder process(List<String> command, Path scratch) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY);
        environment.put("AWS_CONFIG_FILE", scratch.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-credentials").toString());
        environment.put("AWS_MAX_ATTEMPTS", "1");
        environment.put("AWS_PAGER", "");
        return builder;
    }

    /**
     * Runs {@code aws --endpoint-url ENDPOINT --region us-east-1 ARGS...} in such a process, asserts that it exits
     * with 0 within three minutes, and returns its standard output.
     */
    static String run(Path aws, java.net.URI endpoint, Path scratch, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(aws.toString(), "--endpoint-url",
                endpoint.toString(), "--region", "us-east-1"));
        command.addAll(List.of(args));
        Process process = process(command, scratch).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s: %s", String.join(" ", args), err).isZero();
        return out;
    }

    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
