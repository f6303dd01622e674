package io.watchpost.xray.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code filter-expression-corpus.json}: named trace fixtures, then cases of an expression with either the
 * exact error message or the fixture it is tested against and whether it matches. Names starting "doc:" use an
 * example of AWS's "Use filter expressions" page verbatim. Grow it whenever a bug is found.
 */
class FilterExpressionCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = FilterExpressionCorpusTest.class.getResourceAsStream("/filter-expression-corpus.json")) {
            JsonNode corpus = JSON.readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : corpus.get("cases")) {
                JsonNode trace = node.has("trace") ? corpus.get("traces").get(node.get("trace").asText()) : null;
                if (node.has("trace") && trace == null) {
                    throw new IllegalStateException("unknown fixture in " + node);
                }
                cases.add(Arguments.of(node.get("name").asText(), node, trace));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(String name, JsonNode testCase, JsonNode trace) {
        String expression = testCase.get("expression").asText();
        if (testCase.has("error")) {
            assertThatThrownBy(() -> FilterExpression.compile(expression))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.error()).isEqualTo(AwsError.XRAY_INVALID_REQUEST);
                        assertThat(e.getMessage()).isEqualTo(testCase.get("error").asText());
                    });
            return;
        }
        assertThat(FilterExpression.compile(expression).test(TestTrace.of(trace)))
                .as(expression).isEqualTo(testCase.get("match").asBoolean());
    }
}
