package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void notesNameEveryWorkloadAnEndpointDidNotServe() {
        List<ResultTable.Row> rows = List.of(
                ResultTable.Row.skipped("PutEvents", "watchpost", "setup failed: NotImplemented: PutRule"),
                new ResultTable.Row("PutTraceSegments", "watchpost", 0, Double.NaN, Double.NaN, Double.NaN, 200,
                        "NotImplemented, stopped early", 1, 1, ""),
                new ResultTable.Row("PutTraceSegments", "moto", 100, 1, 2, 3, 0, "", 1, 1, ""));
        assertThat(Report.notes(rows)).containsExactly(
                "PutEvents on watchpost: skipped, setup failed: NotImplemented: PutRule",
                "PutTraceSegments on watchpost: every call failed (NotImplemented, stopped early)");
    }

    @Test
    void machineLineNamesCoresAndJdk() {
        assertThat(Report.machine()).contains(Runtime.getRuntime().availableProcessors() + " cores")
                .contains("JDK " + Runtime.version());
    }
}
