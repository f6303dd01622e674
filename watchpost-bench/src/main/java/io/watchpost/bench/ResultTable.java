package io.watchpost.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Renders the run's results as Markdown tables (readable in a terminal, pasteable into docs/benchmarks.md).
 * Within each workload, the first endpoint that served it successfully is the reference: every other
 * endpoint's figures carry their ratio to it, {@code value ÷ reference}.
 */
final class ResultTable {
    private ResultTable() {}

    /**
     * One workload on one endpoint. Unknown figures are NaN; a non-empty {@code note} says why the workload was
     * skipped there (the table shows "skipped", the notes under it say why).
     */
    record Row(String workload, String endpoint, double requestsPerSecond, double p50Millis, double p99Millis,
               double p999Millis, long errors, String firstError, double cpuMicrosPerRequest, double rssMiB,
               String note) {
        static Row skipped(String workload, String endpoint, String note) {
            return new Row(workload, endpoint, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "", Double.NaN,
                    Double.NaN, note);
        }

        boolean served() {
            return note.isEmpty() && requestsPerSecond > 0;
        }
    }

    /** Start-up figures of one endpoint: time from process start to its first successful call, idle RSS. */
    record StartupRow(String endpoint, double startMillis, double idleRssMiB) {}

    private static final List<String> HEADER = List.of("workload", "endpoint", "req/s", "p50 ms", "p99 ms",
            "p99.9 ms", "errors", "server CPU µs/req", "RSS MiB");
    private static final List<ToDoubleFunction<Row>> FIGURES = List.of(Row::requestsPerSecond, Row::p50Millis,
            Row::p99Millis, Row::p999Millis);

    static String render(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        Map<String, List<Row>> byWorkload = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byWorkload.computeIfAbsent(row.workload(), w -> new ArrayList<>()).add(row));
        byWorkload.forEach((workload, group) -> {
            Optional<Row> reference = group.stream().filter(Row::served).findFirst();
            for (Row row : group) {
                cells.add(cellsOf(row, reference));
            }
        });
        return markdown(HEADER, cells, 2);
    }

    private static List<String> cellsOf(Row row, Optional<Row> reference) {
        List<String> cells = new ArrayList<>(List.of(row.workload(), row.endpoint()));
        if (!row.note().isEmpty()) {
            cells.add("skipped");
            while (cells.size() < HEADER.size()) {
                cells.add("");
            }
            return cells;
        }
        boolean isReference = reference.isEmpty() || reference.get() == row;
        for (ToDoubleFunction<Row> figure : FIGURES) {
            double referenceValue = reference.map(figure::applyAsDouble).orElse(Double.NaN);
            cells.add(row.served() ? Ratios.withRatio(figure.applyAsDouble(row), referenceValue, isReference)
                    : Ratios.formatNumber(figure.applyAsDouble(row)));
        }
        cells.add(row.errors() == 0 ? "0" : row.errors() + " (" + row.firstError() + ")");
        double cpuReference = reference.map(Row::cpuMicrosPerRequest).orElse(Double.NaN);
        cells.add(row.served() ? Ratios.withRatio(row.cpuMicrosPerRequest(), cpuReference, isReference)
                : Ratios.formatNumber(row.cpuMicrosPerRequest()));
        double rssReference = reference.map(Row::rssMiB).orElse(Double.NaN);
        cells.add(Ratios.withRatio(row.rssMiB(), rssReference, isReference));
        return cells;
    }

    /** The start-up table; the first endpoint with figures is the reference. */
    static String renderStartup(List<StartupRow> rows) {
        Optional<StartupRow> reference = rows.stream().filter(r -> !Double.isNaN(r.startMillis())).findFirst();
        List<List<String>> cells = new ArrayList<>();
        for (StartupRow row : rows) {
            boolean isReference = reference.isEmpty() || reference.get() == row;
            cells.add(List.of(row.endpoint(),
                    Ratios.withRatio(row.startMillis(), reference.map(StartupRow::startMillis).orElse(Double.NaN),
                            isReference),
                    Ratios.withRatio(row.idleRssMiB(), reference.map(StartupRow::idleRssMiB).orElse(Double.NaN),
                            isReference)));
        }
        return markdown(List.of("endpoint", "start → first successful call, ms", "idle RSS MiB"), cells, 1);
    }

    /** A pipe table with padded columns; columns from {@code firstNumeric} on are right-aligned. */
    static String markdown(List<String> header, List<List<String>> rows, int firstNumeric) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, firstNumeric);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            rule.add(c >= firstNumeric ? "-".repeat(widths[c] - 1) + ":" : "-".repeat(widths[c]));
        }
        line(out, rule, widths, firstNumeric);
        rows.forEach(row -> line(out, row, widths, firstNumeric));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, int firstNumeric) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(c >= firstNumeric ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }
}
