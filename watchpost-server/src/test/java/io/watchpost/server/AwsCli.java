package io.watchpost.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
