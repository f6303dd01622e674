package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static ResultTable.Row row(String workload, String endpoint, double rps, long errors, String first) {
        return new ResultTable.Row(workload, endpoint, rps, 2.0, 8.0, 20.0, errors, first, 150, 120, "");
    }

    private static List<String> lines(String table) {
        return table.lines().toList();
    }

    @Test
    void printsRatiosAgainstTheFirstEndpoint() {
        String table = ResultTable.render(List.of(
                row("PutLogEvents", "watchpost", 4000, 0, ""),
                new ResultTable.Row("PutLogEvents", "moto", 400, 8.0, 40.0, 80.0, 0, "", 1500, 60, "")));
        List<String> lines = lines(table);
        assertThat(lines).hasSize(4);
        assertThat(cells(lines.get(0))).containsExactly("workload", "endpoint", "req/s", "p50 ms", "p99 ms", "p99.9 ms",
                "errors", "server CPU µs/req", "RSS MiB");
        assertThat(lines.get(1)).matches("\\|[- |:]+\\|");
        assertThat(cells(lines.get(2))).containsExactly("PutLogEvents", "watchpost", "4,000", "2.00", "8.00", "20.0",
                "0", "150", "120");
        assertThat(cells(lines.get(3))).containsExactly("PutLogEvents", "moto", "400 (0.10×)", "8.00 (4.0×)",
                "40.0 (5.0×)", "80.0 (4.0×)", "0", "1,500 (10×)", "60.0 (0.50×)");
    }

    @Test
    void theReferenceIsTheFirstEndpointThatServedTheWorkload() {
        String table = ResultTable.render(List.of(
                new ResultTable.Row("PutEvents", "watchpost", 0, Double.NaN, Double.NaN, Double.NaN, 200,
                        "NotImplemented, stopped early", 90, 240, ""),
                row("PutEvents", "moto", 50, 0, "")));
        List<String> lines = lines(table);
        assertThat(cells(lines.get(2))).containsExactly("PutEvents", "watchpost", "0.00", "—", "—", "—",
                "200 (NotImplemented, stopped early)", "90.0", "240 (2.0×)");
        assertThat(cells(lines.get(3))).containsExactly("PutEvents", "moto", "50.0", "2.00", "8.00", "20.0", "0",
                "150", "120");
    }

    @Test
    void aSkippedRowSaysSoAndKeepsTheTableRectangular() {
        String table = ResultTable.render(List.of(
                ResultTable.Row.skipped("PutEvents", "watchpost", "setup failed: NotImplemented"),
                row("PutEvents", "moto", 50, 0, "")));
        List<String> lines = lines(table);
        assertThat(cells(lines.get(2))).containsExactly("PutEvents", "watchpost", "skipped", "", "", "", "", "", "");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
    }

    @Test
    void ratiosRestartForEachWorkload() {
        String table = ResultTable.render(List.of(
                row("A", "x", 100, 0, ""), row("A", "y", 200, 0, ""),
                row("B", "x", 10, 0, ""), row("B", "y", 5, 0, "")));
        List<String> lines = lines(table);
        assertThat(cells(lines.get(3)).get(2)).isEqualTo("200 (2.0×)");
        assertThat(cells(lines.get(5)).get(2)).isEqualTo("5.00 (0.50×)");
    }

    @Test
    void startupTableComparesWithTheFirstLaunchedEndpoint() {
        String table = ResultTable.renderStartup(List.of(
                new ResultTable.StartupRow("watchpost", 500, 100),
                new ResultTable.StartupRow("moto", 2000, 80),
                new ResultTable.StartupRow("external", Double.NaN, Double.NaN)));
        List<String> lines = lines(table);
        assertThat(cells(lines.get(2))).containsExactly("watchpost", "500", "100");
        assertThat(cells(lines.get(3))).containsExactly("moto", "2,000 (4.0×)", "80.0 (0.80×)");
        assertThat(cells(lines.get(4))).containsExactly("external", "—", "—");
    }

    @Test
    void numericColumnsAreRightAligned() {
        String table = ResultTable.markdown(List.of("name", "n"), List.of(List.of("a", "1"), List.of("bb", "100")), 1);
        assertThat(table).isEqualTo("""
                | name |   n |
                | ---- | --: |
                | a    |   1 |
                | bb   | 100 |
                """);
    }

    static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }
}
