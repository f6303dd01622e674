package io.watchpost.events.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs {@code transformer-corpus.json}: one event, and per case a target's input settings and the exact payload. */
class TargetPayloadsCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode corpus;

    static Stream<Named<JsonNode>> cases() throws IOException {
        try (InputStream in = TargetPayloadsCorpusTest.class.getResourceAsStream("/transformer-corpus.json")) {
            corpus = JSON.readTree(in);
        }
        List<Named<JsonNode>> cases = new ArrayList<>();
        corpus.get("cases").forEach(c -> cases.add(Named.of(c.get("name").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void corpus(JsonNode c) throws IOException {
        JsonNode event = corpus.get("event");
        TargetPayloads.Delivery delivery = new TargetPayloads.Delivery(event, JSON.writeValueAsString(event),
                corpus.get("ruleName").asText(), corpus.get("ruleArn").asText(), corpus.get("ingestionTime").asText());
        assertThat(TargetPayloads.render(target(c.get("target")), delivery)).isEqualTo(c.get("expected").asText());
    }

    private static Target target(JsonNode spec) {
        Target.InputTransformer transformer = null;
        if (spec.has("inputTransformer")) {
            Map<String, String> paths = new LinkedHashMap<>();
            spec.get("inputTransformer").get("inputPathsMap").properties()
                    .forEach(e -> paths.put(e.getKey(), e.getValue().asText()));
            transformer = new Target.InputTransformer(paths, spec.get("inputTransformer").get("inputTemplate").asText());
        }
        return new Target("t1", "arn:aws:sqs:us-east-1:123456789012:q", null,
                spec.has("input") ? spec.get("input").asText() : null,
                spec.has("inputPath") ? spec.get("inputPath").asText() : null,
                transformer, null, null, null, null, null);
    }
}
