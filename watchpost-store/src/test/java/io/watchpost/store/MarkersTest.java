package io.watchpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkersTest {
    @TempDir
    Path dir;

    @Test
    void setIsIdempotentAndClearSaysWhetherItWasThere() throws Exception {
        Path marker = dir.resolve("clean-shutdown");
        assertThat(Markers.clear(marker)).isFalse();
        Markers.set(marker);
        Markers.set(marker);
        assertThat(marker).exists();
        assertThat(Files.size(marker)).isZero();
        assertThat(Markers.clear(marker)).isTrue();
        assertThat(marker).doesNotExist();
    }
}
