package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.PageTokens;
import io.watchpost.server.config.ServerConfig;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import io.watchpost.wire.model.ServiceCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps docs/api-coverage.md equal to what the registry and the services say. */
class ApiCoverageDocTest {
    @Test
    void coverageDocumentIsCurrent(@TempDir Path dir) throws Exception {
        String generated;
        try (StateJournal journal = StateJournal.open(dir.resolve("state"), Durability.PROCESS)) {
            ServerConfig config = ServerConfig.forTesting(0, dir.resolve("data")).withoutXrayDaemon();
            try (Services services = Services.create(journal, config, Clock.systemUTC(),
                    new PageTokens(new byte[32]), new ClockScheduler(Clock.systemUTC()))) {
                generated = ApiCoverageReport.markdown(ServiceCatalog.standard(), services.handlersByEndpoint());
            }
        }
        Path doc = Path.of("..", "docs", "api-coverage.md");
        if (Boolean.getBoolean("watchpost.updateDocs")) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc)).as("docs/api-coverage.md exists").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/api-coverage.md is stale; regenerate it with -Dwatchpost.updateDocs=true")
                .isEqualTo(generated);
    }
}
