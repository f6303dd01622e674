package io.watchpost.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code filter-pattern-corpus.json}: each case is a pattern with either the error AWS answers, or a message
 * (a string, or a JSON value that is serialized) with whether it matches, optionally the exact extractedValues and
 * values read through {@link FilterMatch#value} ({@code null} meaning absent). Grow it whenever a bug is found.
 */
class FilterPatternCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = FilterPatternCorpusTest.class.getResourceAsStream("/filter-pattern-corpus.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in).get("cases")) {
                cases.add(Arguments.of(node.get("name").asText(), node));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(String name, JsonNode testCase) {
        String pattern = testCase.get("pattern").asText();
        if (testCase.has("error")) {
            assertThatThrownBy(() -> FilterPattern.compile(pattern)).isInstanceOfSatisfying(AwsException.class, e -> {
                assertThat(e.error()).isEqualTo(AwsError.LOGS_INVALID_PARAMETER);
                assertThat(e.getMessage()).isEqualTo(testCase.get("error").asText());
            });
            return;
        }
        FilterPattern compiled = FilterPattern.compile(pattern);
        JsonNode messageNode = testCase.get("message");
        String message = messageNode.isTextual() ? messageNode.asText() : messageNode.toString();
        boolean expected = testCase.get("match").asBoolean();
        assertThat(compiled.matches(message)).as("matches").isEqualTo(expected);
        Optional<FilterMatch> match = compiled.match(message);
        assertThat(match.isPresent()).as("match").isEqualTo(expected);
        if (testCase.has("values")) {
            assertThat(match.orElseThrow().extractedValues()).isEqualTo(strings(testCase.get("values")));
        }
        if (testCase.has("read")) {
            testCase.get("read").properties().forEach(entry -> assertThat(match.orElseThrow().value(entry.getKey()))
                    .as(entry.getKey())
                    .isEqualTo(Optional.ofNullable(entry.getValue().isNull() ? null : entry.getValue().asText())));
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
