package io.watchpost.events.pattern;

import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.MachineComplexityEvaluator;
import software.amazon.event.ruler.Patterns;

/**
 * event-ruler's complexity score (how many wildcard prefixes a worst-case event can be matching at once) of one
 * pattern alone. EventBridge refuses patterns above a threshold it does not publish; AWS rejects
 * {@code "*:*:*:*:*:event-bus/*"} (score 11), so the threshold here is 10. See the module's RATIONALE.md.
 */
final class PatternComplexity {
    static final int MAX = 10;
    static final String TOO_COMPLEX = "Rule is too complex - try using fewer wildcard characters or fewer repeating "
            + "character sequences after a wildcard character";

    private PatternComplexity() {}

    static int of(EventPattern pattern) {
        GenericMachine<String> machine = GenericMachine.<String>builder().build();
        for (Map<String, List<Patterns>> subRule : pattern.subRules()) {
            machine.addPatternRule("p", subRule);
        }
        // The evaluator stops counting above its cap, so the cap only needs to exceed MAX.
        return machine.evaluateComplexity(new MachineComplexityEvaluator(MAX + 1));
    }
}
