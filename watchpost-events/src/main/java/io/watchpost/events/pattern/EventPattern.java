package io.watchpost.events.pattern;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Patterns;

/**
 * A compiled EventBridge event pattern: the JSON text as given and event-ruler's compiled form, one sub-rule per
 * branch of its {@code $or} expansion. Compilation is EventBridge's own (aws/event-ruler), so what AWS accepts and
 * rejects is accepted and rejected here, with AWS's {@code InvalidEventPatternException} messages
 * ({@link PatternErrors}); patterns too complex to match quickly are refused before any machine holds them
 * ({@link PatternComplexity}). Immutable and thread-safe.
 */
public final class EventPattern {
    private final String text;
    private final List<Map<String, List<Patterns>>> subRules;

    private EventPattern(String text, List<Map<String, List<Patterns>>> subRules) {
        this.text = text;
        this.subRules = List.copyOf(subRules);
    }

    /** Compiles {@code text}, or throws {@code InvalidEventPatternException} with AWS's message. */
    public static EventPattern compile(String text) {
        requireNonNull(text, "text is null");
        List<Map<String, List<Patterns>>> compiled;
        try {
            compiled = JsonRuleCompiler.compile(text);
        } catch (IOException | RuntimeException e) {
            throw invalid(PatternErrors.reason(text, e));
        }
        EventPattern pattern = new EventPattern(text, compiled);
        if (PatternComplexity.of(pattern) > PatternComplexity.MAX) {
            throw invalid(PatternComplexity.TOO_COMPLEX);
        }
        return pattern;
    }

    public String text() {
        return text;
    }

    /** The branches of the pattern: an event matches when it matches any one of them. */
    public List<Map<String, List<Patterns>>> subRules() {
        return subRules;
    }

    /**
     * The exact string values a branch requires of a top-level field ({@code source}, {@code detail-type}), or empty
     * when the branch admits values other than a finite set of exact strings (prefix, anything-but, absence, ...).
     * Rule indexes use it to meet each event only with rules that can match it.
     */
    public static Optional<List<String>> exactStrings(Map<String, List<Patterns>> subRule, String field) {
        List<Patterns> patterns = subRule.get(field);
        if (patterns == null || patterns.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new java.util.ArrayList<>(patterns.size());
        for (Patterns p : patterns) {
            Optional<String> value = PatternValues.exactString(p);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private static AwsException invalid(String reason) {
        return new AwsException(AwsError.EVENTS_INVALID_EVENT_PATTERN, "Event pattern is not valid. Reason: " + reason);
    }

    @Override
    public String toString() {
        return text;
    }
}
