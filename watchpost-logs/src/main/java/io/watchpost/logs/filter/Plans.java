package io.watchpost.logs.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The executable forms of a compiled pattern. Each is immutable and safe to share between threads. {@link
 * Plan#matches} is the scan path (no allocation for terms and regular expressions; one JSON parse per event for JSON
 * patterns; two offset arrays per event for space-delimited ones); {@link Plan#match} also keeps what a metric
 * filter reads.
 */
final class Plans {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Plans() {}

    sealed interface Plan permits Everything, TermSearch, Regex, Json, Delimited {
        boolean matches(String message);

        /** The match, or null when the event does not match. */
        FilterMatch match(String message);
    }

    static Plan of(PatternTree.Form form) {
        return switch (form) {
            case PatternTree.All all -> new Everything();
            case PatternTree.Text text -> TermSearch.of(text);
            case PatternTree.Regex regex -> new Regex(regex.value());
            case PatternTree.Json json -> new Json(json.expr());
            case PatternTree.Delimited delimited -> new Delimited(delimited.fields(),
                    (int) delimited.fields().stream().filter(PatternTree.Ellipsis.class::isInstance).count());
        };
    }

    record Everything() implements Plan {
        @Override
        public boolean matches(String message) {
            return true;
        }

        @Override
        public FilterMatch match(String message) {
            return FilterMatch.plain();
        }
    }

    /** OR over groups of (included, excluded) substrings, searched with {@link String#indexOf(String)}. */
    record TermSearch(String[][] included, String[][] excluded) implements Plan {
        static TermSearch of(PatternTree.Text text) {
            int groups = text.groups().size();
            String[][] included = new String[groups][];
            String[][] excluded = new String[groups][];
            for (int g = 0; g < groups; g++) {
                List<PatternTree.Term> terms = text.groups().get(g);
                included[g] = terms.stream().filter(t -> !t.excluded()).map(PatternTree.Term::text)
                        .toArray(String[]::new);
                excluded[g] = terms.stream().filter(PatternTree.Term::excluded).map(PatternTree.Term::text)
                        .toArray(String[]::new);
            }
            return new TermSearch(included, excluded);
        }

        @Override
        public boolean matches(String message) {
            for (int g = 0; g < included.length; g++) {
                if (all(message, included[g], true) && all(message, excluded[g], false)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean all(String message, String[] terms, boolean present) {
            for (String term : terms) {
                if ((message.indexOf(term) >= 0) != present) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public FilterMatch match(String message) {
            return matches(message) ? FilterMatch.plain() : null;
        }
    }

    record Regex(RegexValue value) implements Plan {
        @Override
        public boolean matches(String message) {
            return value.find(message);
        }

        @Override
        public FilterMatch match(String message) {
            return matches(message) ? FilterMatch.plain() : null;
        }
    }

    /** Parses the event once; a message that is not one JSON object or array never matches. */
    record Json(PatternTree.JsonExpr expr) implements Plan {
        @Override
        public boolean matches(String message) {
            return match(message) != null;
        }

        @Override
        public FilterMatch match(String message) {
            JsonNode root = parse(message);
            return root != null && JsonEvaluator.test(expr, root) ? FilterMatch.json(root) : null;
        }

        private static JsonNode parse(String message) {
            int i = 0;
            while (i < message.length() && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            // Cheap pre-check: most non-JSON lines are rejected here without paying for a parser exception.
            if (i == message.length() || (message.charAt(i) != '{' && message.charAt(i) != '[')) {
                return null;
            }
            try {
                return JSON.readTree(message);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    record Delimited(List<PatternTree.Field> fields, int ellipses) implements Plan {
        @Override
        public boolean matches(String message) {
            return DelimitedMatcher.align(fields, ellipses, LineFields.split(message)) != null;
        }

        @Override
        public FilterMatch match(String message) {
            LineFields line = LineFields.split(message);
            int[] assigned = DelimitedMatcher.align(fields, ellipses, line);
            return assigned == null ? null : FilterMatch.fields(DelimitedMatcher.extract(fields, line, assigned));
        }
    }
}
