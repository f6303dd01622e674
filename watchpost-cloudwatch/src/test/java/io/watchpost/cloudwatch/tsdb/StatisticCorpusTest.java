package io.watchpost.cloudwatch.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs src/test/resources/statistics-cases.txt: parse each statistic and evaluate it over 1..100. */
class StatisticCorpusTest {
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = StatisticCorpusTest.class.getResourceAsStream("/statistics-cases.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
                String[] parts = line.split("\\|");
                return Arguments.of(parts[0].trim(), parts[1].trim(), parts[2].trim());
            }).toList().stream();
        }
    }

    static Cell oneToHundred() {
        Cell cell = new Cell();
        for (int v = 1; v <= 100; v++) {
            cell.add(v, 1);
        }
        return cell;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void corpus(String name, String statistic, String expected) throws Exception {
        if (expected.equals("error")) {
            assertThatThrownBy(() -> StatisticParser.parse(statistic))
                    .isInstanceOf(StatisticParser.InvalidStatisticException.class);
            return;
        }
        OptionalDouble value = StatisticEvaluator.evaluate(StatisticParser.parse(statistic), oneToHundred());
        if (expected.equals("empty")) {
            assertThat(value).isEmpty();
            return;
        }
        double want = Double.parseDouble(expected);
        assertThat(value).isPresent();
        assertThat(value.getAsDouble()).isCloseTo(want, within(Math.abs(want) * 0.01 + 1e-9));
    }
}
