package io.watchpost.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the aws CLI on the PATH; tests that need it are skipped when it is absent. */
final class AwsCli {
    private AwsCli() {}

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
