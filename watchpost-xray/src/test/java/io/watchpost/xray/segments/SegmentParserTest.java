package io.watchpost.xray.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SegmentParser parser = new SegmentParser();

    static List<Arguments> cases() throws IOException {
        try (InputStream in = SegmentParserTest.class.getResourceAsStream("/segment-cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(in)) {
                String document = node.has("documentText") ? node.get("documentText").asText()
                        : node.get("document").toString();
                cases.add(Arguments.of(node.get("name").asText(), document, node.get("expect").asText()));
            }
            return cases;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(String name, String document, String expect) {
        SegmentParser.Result result = parser.parse(document);
        if (expect.equals("ok")) {
            assertThat(result).isInstanceOf(SegmentParser.Accepted.class);
        } else {
            assertThat(result).isInstanceOfSatisfying(SegmentParser.Rejected.class, rejected -> {
                assertThat(rejected.rejection().errorCode()).isEqualTo(expect);
                assertThat(rejected.rejection().message()).isEqualTo("Invalid segment. ErrorCode: " + expect);
            });
        }
    }

    @Test
    void readsTheParts() {
        String document = """
                {"name":"web","id":"70de5b6f19ff9a0a","trace_id":"1-67c2f6c0-a006649127e371903a2de979",
                 "start_time":1740830400.1,"end_time":1740830400.3,"user":"alice","origin":"AWS::EC2::Instance",
                 "http":{"request":{"method":"GET","url":"http://x/y","client_ip":"1.2.3.4"},"response":{"status":404}},
                 "annotations":{"tier":"gold","n":3,"b":true},"error":true,
                 "subsegments":[{"name":"db","id":"70de5b6f19ff9a0c","start_time":1740830400.1,
                   "end_time":1740830400.12,"namespace":"remote"}]}""";
        Segment segment = ((SegmentParser.Accepted) parser.parse(document)).segment();
        assertThat(segment.duration()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(segment.origin()).contains("AWS::EC2::Instance");
        assertThat(segment.user()).contains("alice");
        assertThat(segment.flags().error()).isTrue();
        assertThat(segment.http().orElseThrow().status()).contains(404);
        assertThat(segment.annotations()).containsEntry("tier", "gold").containsEntry("n", 3.0)
                .containsEntry("b", true);
        assertThat(segment.subsegments()).singleElement().satisfies(sub -> {
            assertThat(sub.remoteCall()).isTrue();
            assertThat(sub.parentId()).contains("70de5b6f19ff9a0a");
        });
    }

    @Test
    void boundsDocumentSizeAndDepth() {
        String big = "{\"name\":\"" + "a".repeat(SegmentParser.MAX_DOCUMENT_BYTES) + "\"}";
        assertThat(parser.parse(big)).isInstanceOfSatisfying(SegmentParser.Rejected.class,
                r -> assertThat(r.rejection().errorCode()).isEqualTo("SegmentTooLarge"));
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertThat(parser.parse(deep)).isInstanceOfSatisfying(SegmentParser.Rejected.class,
                r -> assertThat(r.rejection().errorCode()).isEqualTo("ParseError"));
    }
}
