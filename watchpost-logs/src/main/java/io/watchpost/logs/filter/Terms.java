package io.watchpost.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an unstructured pattern: whitespace-separated terms, each a word of letters, digits and underscores or a
 * double-quoted phrase; {@code -} before a term excludes it, {@code ?} before a term starts an alternative. AWS
 * documents {@code ?ERROR ?WARN} as OR and {@code ERROR -WARN} as AND NOT; a {@code ?} term followed by plain terms
 * forms one group ({@code ?ERROR MainThread ?WARN Deadlock}, as the AWS CDK builds "any term group" patterns).
 */
final class Terms {
    private Terms() {}

    static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static PatternTree.Text parse(String pattern) {
        Cursor in = new Cursor(pattern, 0);
        List<List<PatternTree.Term>> groups = new ArrayList<>();
        List<PatternTree.Term> group = new ArrayList<>();
        in.skipSpaces();
        while (!in.atEnd()) {
            boolean alternative = in.eat("?");
            boolean excluded = in.eat("-");
            if (excluded) {
                in.skipSpaces(); // AWS's own example writes "ERROR" - "Exiting"
            }
            if (alternative && !group.isEmpty()) {
                groups.add(List.copyOf(group));
                group.clear();
            }
            group.add(new PatternTree.Term(term(in), excluded));
            in.skipSpaces();
        }
        if (!group.isEmpty()) {
            groups.add(List.copyOf(group));
        }
        return new PatternTree.Text(groups);
    }

    private static String term(Cursor in) {
        if (in.atEnd()) {
            throw PatternError.invalid(in.pos);
        }
        if (in.peek() == '"') {
            String phrase = in.quoted();
            if (!in.atEnd() && !Character.isWhitespace(in.peek())) {
                throw in.unexpected();
            }
            return phrase;
        }
        int start = in.pos;
        while (!in.atEnd() && !Character.isWhitespace(in.peek())) {
            if (!isTermChar(in.peek())) {
                throw in.unexpected();
            }
            in.pos++;
        }
        return in.src.substring(start, in.pos);
    }
}
