package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatsTest {
    private static Path sampleProc() throws URISyntaxException {
        return Path.of(ProcStatsTest.class.getResource("/proc/4242/stat").toURI()).getParent().getParent();
    }

    @Test
    void readsRssAndCpuTicksFromSampleFiles() throws Exception {
        ProcStats stats = new ProcStats(sampleProc(), 100);
        ProcStats.Sample sample = stats.sampleOne(4242).orElseThrow();
        assertThat(sample.rssBytes()).isEqualTo(118_544L * 1024);
        assertThat(sample.cpuTicks()).isEqualTo(1520 + 375); // utime + stime, fields 14 and 15
        assertThat(stats.ticksToNanos(1895)).isEqualTo(18_950_000_000L);
    }

    @Test
    void aMissingProcessHasNoSample() throws Exception {
        assertThat(new ProcStats(sampleProc(), 100).sampleOne(999_999)).isEmpty();
    }

    @Test
    void countsStatFieldsAfterTheLastParenthesis() {
        String stat = "7 (a) b) c) R 1 7 7 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0 5 100 10";
        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(42);
        assertThatThrownBy(() -> ProcStats.cpuTicks("7 (x) R 1 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStats.cpuTicks("no name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZombieHasNoRssLine() {
        assertThat(ProcStats.rssKibibytes("Name:\tx\nState:\tZ (zombie)\n")).isZero();
        assertThatThrownBy(() -> ProcStats.rssKibibytes("VmRSS:\t12 MB\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcess() {
        ProcStats.Sample sample = ProcStats.system().sample(ProcessHandle.current().pid()).orElseThrow();
        assertThat(sample.rssBytes()).isPositive();
        assertThat(sample.cpuTicks()).isNotNegative();
    }
}
