package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluation scenario table (src/test/resources/alarm-evaluation-cases.txt), threshold 1 GreaterThan. */
class AlarmEvaluatorTest {
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = AlarmEvaluatorTest.class.getResourceAsStream("/alarm-evaluation-cases.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|"))
                    .map(f -> Arguments.of(f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim()),
                            Integer.parseInt(f[3].trim()), f[4].trim(), f[5].trim()))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String points, int n, int m, String mode, String expected) {
        String[] tokens = points.split("\\s+");
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            values[i] = switch (tokens[i]) {
                case "X" -> 5.0;
                case "0" -> 0.0;
                default -> Double.NaN;
            };
        }
        AlarmEvaluator.Decision decision = AlarmEvaluator.decide(values, n, m, "GreaterThanThreshold", 1.0, mode);
        assertThat(decision.state() == null ? "keep" : decision.state()).as(name).isEqualTo(expected);
    }
}
