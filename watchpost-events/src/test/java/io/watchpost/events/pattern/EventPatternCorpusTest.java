package io.watchpost.events.pattern;

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
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code event-pattern-corpus.json}: each case is a pattern (as text) with either an event and whether it
 * matches, or the exact InvalidEventPatternException message AWS answers (recorded against AWS where noted there).
 */
class EventPatternCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<JsonNode>> cases() throws IOException {
        try (InputStream in = EventPatternCorpusTest.class.getResourceAsStream("/event-pattern-corpus.json")) {
            List<Named<JsonNode>> cases = new ArrayList<>();
            JSON.readTree(in).forEach(c -> cases.add(Named.of(c.get("name").asText(), c)));
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void corpus(JsonNode c) {
        String pattern = c.get("pattern").asText();
        if (c.has("error")) {
            assertThatThrownBy(() -> EventPattern.compile(pattern))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.error()).isEqualTo(AwsError.EVENTS_INVALID_EVENT_PATTERN);
                        assertThat(e.getMessage()).isEqualTo(c.get("error").asText());
                    });
            return;
        }
        assertThat(EventMatcher.matches(EventPattern.compile(pattern), c.get("event")))
                .as(pattern).isEqualTo(c.get("matches").asBoolean());
    }

    @org.junit.jupiter.api.Test
    void corpusCoversEveryOperator() throws IOException {
        String corpus = new String(EventPatternCorpusTest.class.getResourceAsStream("/event-pattern-corpus.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
        for (String operator : List.of("prefix", "suffix", "anything-but", "numeric", "exists", "cidr", "wildcard",
                "equals-ignore-case", "$or")) {
            assertThat(corpus).contains(operator);
        }
    }
}
