package io.watchpost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void defaults() {
        ServerConfig config = ConfigLoader.load(new String[0], Map.of()).config().orElseThrow();
        assertThat(config.port()).isEqualTo(4566);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.auth().mode()).isEqualTo(AuthConfig.Mode.OPEN);
        assertThat(config.auth().defaultAccountId()).isEqualTo("000000000000");
        assertThat(config.developmentMode()).isTrue();
        assertThat(config.durability()).isEqualTo(Durability.PROCESS);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("watchpost.json");
        Files.writeString(file, "{\"port\": 1111, \"defaultAccount\": \"111111111111\", \"durability\": \"machine\"}");
        ServerConfig config = ConfigLoader.load(new String[] {"--config", file.toString(), "--port=3333"},
                Map.of("WATCHPOST_PORT", "2222", "WATCHPOST_DEFAULT_ACCOUNT", "222222222222")).config().orElseThrow();
        assertThat(config.port()).isEqualTo(3333);
        assertThat(config.auth().defaultAccountId()).isEqualTo("222222222222");
        assertThat(config.durability()).isEqualTo(Durability.MACHINE);
    }

    @Test
    void strictModeReadsKeysAndTurnsDevelopmentModeOff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.json");
        Files.writeString(file, "{\"auth\":\"strict\",\"accessKeys\":[{\"accessKeyId\":\"AKIA1\","
                + "\"secretAccessKey\":\"s\",\"accountId\":\"123456789012\",\"userName\":\"ci\"}]}");
        ServerConfig config = ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of())
                .config().orElseThrow();
        assertThat(config.auth().mode()).isEqualTo(AuthConfig.Mode.STRICT);
        assertThat(config.auth().keys().get("AKIA1").accountId()).isEqualTo("123456789012");
        assertThat(config.developmentMode()).isFalse();
    }

    @Test
    void cloudTrailRecordingIsOnUnlessTurnedOff(@TempDir Path dir) throws Exception {
        assertThat(ConfigLoader.load(new String[0], Map.of()).config().orElseThrow().cloudTrailRecording()).isTrue();
        assertThat(ConfigLoader.load(new String[] {"--cloudtrail-recording", "off"}, Map.of()).config()
                .orElseThrow().cloudTrailRecording()).isFalse();
        assertThat(ConfigLoader.load(new String[0], Map.of("WATCHPOST_CLOUDTRAIL_RECORDING", "off")).config()
                .orElseThrow().cloudTrailRecording()).isFalse();
        Path file = dir.resolve("quiet.json");
        Files.writeString(file, "{\"cloudtrailRecording\": false}");
        assertThat(ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of()).config().orElseThrow()
                .cloudTrailRecording()).isFalse();
        assertThat(ConfigLoader.load(new String[] {"--cloudtrail-recording", "maybe"}, Map.of()).problems())
                .containsExactly("cloudtrail-recording must be on or off, not 'maybe'");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ConfigLoader.Result result = ConfigLoader.load(new String[] {"--port", "99999", "--auth", "maybe",
                "--default-account", "12", "--bogus", "1", "--durability", "disk", "--config", "/no/such/file"},
                Map.of());
        assertThat(result.config()).isEmpty();
        assertThat(result.problems()).hasSize(6).anySatisfy(p -> assertThat(p).contains("port"))
                .anySatisfy(p -> assertThat(p).contains("auth"))
                .anySatisfy(p -> assertThat(p).contains("12 digits"))
                .anySatisfy(p -> assertThat(p).contains("--bogus"))
                .anySatisfy(p -> assertThat(p).contains("durability"))
                .anySatisfy(p -> assertThat(p).contains("/no/such/file"));
    }

    @Test
    void destinationsMapArnsToHttpEndpoints(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("destinations.json");
        Files.writeString(file, "{\"destinations\":[{\"arn\":\"arn:aws:lambda:*:function:orders-*\","
                + "\"url\":\"http://127.0.0.1:9000/orders\"},{\"arn\":\"lambda\",\"url\":\"ftp://x\"}]}");
        ConfigLoader.Result bad = ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of());
        assertThat(bad.problems()).hasSize(1).first().asString().contains("destinations[1]");
        Files.writeString(file, "{\"destinations\":[{\"arn\":\"arn:aws:lambda:*:function:orders-*\","
                + "\"url\":\"http://127.0.0.1:9000/orders\"}]}");
        ServerConfig config = ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of())
                .config().orElseThrow();
        DestinationMapping mapping = config.destinations().get(0);
        assertThat(mapping.matches("arn:aws:lambda:us-east-1:000000000000:function:orders-eu")).isTrue();
        assertThat(mapping.matches("arn:aws:lambda:us-east-1:000000000000:function:billing")).isFalse();
        assertThat(mapping.url().getPort()).isEqualTo(9000);
    }

    @Test
    void strictWithoutKeysIsAProblem() {
        assertThat(ConfigLoader.load(new String[] {"--auth", "strict"}, Map.of()).problems())
                .singleElement().asString().contains("accessKeys");
    }
}
