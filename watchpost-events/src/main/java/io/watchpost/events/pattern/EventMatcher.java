package io.watchpost.events.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.Patterns;

/**
 * Matches one event against one pattern (TestEventPattern), with the same machine semantics as rule matching
 * (array-consistent {@code rulesForJSONEvent}). For many rules use a partitioned machine instead.
 */
public final class EventMatcher {
    private EventMatcher() {}

    public static boolean matches(EventPattern pattern, JsonNode event) {
        GenericMachine<String> machine = GenericMachine.<String>builder().build();
        for (Map<String, List<Patterns>> subRule : pattern.subRules()) {
            machine.addPatternRule("p", subRule);
        }
        return !machine.rulesForJSONEvent(event).isEmpty();
    }
}
