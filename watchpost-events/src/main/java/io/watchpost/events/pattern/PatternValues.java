package io.watchpost.events.pattern;

import java.util.Optional;
import software.amazon.event.ruler.MatchType;
import software.amazon.event.ruler.Patterns;
import software.amazon.event.ruler.ValuePatterns;

/** Reads event-ruler's compiled values: exact string matches are kept in their JSON form, quotes included. */
final class PatternValues {
    private PatternValues() {}

    /**
     * The string an exact-match pattern requires, or empty for any other pattern. A numeric exact match
     * ({@code [5]}) compiles to both an exact and a numeric pattern; neither is a string, so such a branch is
     * treated as unrestricted, which is safe (it only costs matching work).
     */
    static Optional<String> exactString(Patterns pattern) {
        if (!(pattern instanceof ValuePatterns value) || value.type() != MatchType.EXACT) {
            return Optional.empty();
        }
        String json = value.pattern();
        if (json.length() < 2 || json.charAt(0) != '"' || json.charAt(json.length() - 1) != '"') {
            return Optional.empty();
        }
        String inner = json.substring(1, json.length() - 1);
        // event-ruler keeps the characters between the quotes as written; a backslash means an escape we would
        // have to decode, and such sources are rare enough to route through the unrestricted partition.
        return inner.indexOf('\\') >= 0 ? Optional.empty() : Optional.of(inner);
    }
}
