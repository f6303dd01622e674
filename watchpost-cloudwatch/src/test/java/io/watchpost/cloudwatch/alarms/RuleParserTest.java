package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The composite-rule corpus (src/test/resources/composite-rule-corpus.txt) and evaluation. */
class RuleParserTest {
    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = RuleParserTest.class.getResourceAsStream("/composite-rule-corpus.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|", 3))
                    .map(f -> Arguments.of(f[0].trim(), f[1].trim(), f[2].trim())).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parses(String name, String rule, String expected) {
        String actual;
        try {
            actual = print(RuleParser.parse(rule));
        } catch (RuleParser.RuleException e) {
            actual = "ERROR@" + e.position() + ": " + e.getMessage();
        }
        assertThat(actual).as(name).isEqualTo(expected);
    }

    @Test
    void evaluatesAgainstChildStates() {
        CompositeRule rule = RuleParser.parse("ALARM(a) AND NOT OK(b)");
        assertThat(rule.eval(n -> n.equals("a") ? "ALARM" : "INSUFFICIENT_DATA")).isTrue();
        assertThat(rule.eval(n -> n.equals("a") ? "ALARM" : "OK")).isFalse();
        assertThat(CompositeRule.references(rule)).containsExactly("a", "b");
    }

    @Test
    void boundsNestingAndLength() {
        String deep = "(".repeat(150) + "TRUE" + ")".repeat(150);
        assertThat(catchPosition(deep)).isPositive();
        assertThat(catchPosition("TRUE OR ".repeat(2000) + "TRUE")).isEqualTo(RuleParser.MAX_LENGTH);
    }

    private static int catchPosition(String rule) {
        try {
            RuleParser.parse(rule);
            return -1;
        } catch (RuleParser.RuleException e) {
            return e.position();
        }
    }

    static String print(CompositeRule rule) {
        return switch (rule) {
            case CompositeRule.Const c -> c.value() ? "TRUE" : "FALSE";
            case CompositeRule.StateOf s -> s.state() + "(" + s.alarm() + ")";
            case CompositeRule.Not n -> "NOT " + print(n.operand());
            case CompositeRule.And a -> "(" + print(a.left()) + " AND " + print(a.right()) + ")";
            case CompositeRule.Or o -> "(" + print(o.left()) + " OR " + print(o.right()) + ")";
        };
    }
}
