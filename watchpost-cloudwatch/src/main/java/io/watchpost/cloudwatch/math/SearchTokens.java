package io.watchpost.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CloudWatch's search tokenization: non-alphanumeric characters delimit runs; a run splits further at camel-case
 * humps and letter/digit changes ({@code SDBFailure} → SDB, Failure; {@code Project2} → Project, 2). A candidate's
 * tokens are the whole string without delimiters plus every segment, all lower case. A search run of one segment
 * matches any token case-insensitively; a run of several segments (a composite, such as {@code CustomCount}) must
 * appear as consecutive segments with the same capitalization. Every run of a search word must match.
 */
final class SearchTokens {
    private SearchTokens() {}

    static boolean partialMatch(String word, String candidate) {
        List<String> candidateSegments = segments(candidate);
        String whole = String.join("", candidateSegments).toLowerCase(Locale.ROOT);
        for (String run : runs(word)) {
            List<String> wanted = splitRun(run);
            boolean found = wanted.size() == 1
                    ? matchesSingle(wanted.getFirst().toLowerCase(Locale.ROOT), whole, candidateSegments)
                    : containsConsecutive(candidateSegments, wanted);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesSingle(String lower, String whole, List<String> segments) {
        if (whole.equals(lower)) {
            return true;
        }
        for (String segment : segments) {
            if (segment.toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsConsecutive(List<String> haystack, List<String> needle) {
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            if (haystack.subList(i, i + needle.size()).equals(needle)) {
                return true;
            }
        }
        return false;
    }

    static List<String> segments(String text) {
        List<String> out = new ArrayList<>();
        for (String run : runs(text)) {
            out.addAll(splitRun(run));
        }
        return out;
    }

    private static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean alnum = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                runs.add(text.substring(start, i));
                start = -1;
            }
        }
        return runs;
    }

    private static List<String> splitRun(String run) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < run.length(); i++) {
            if (boundary(run, i)) {
                parts.add(run.substring(start, i));
                start = i;
            }
        }
        parts.add(run.substring(start));
        return parts;
    }

    private static boolean boundary(String run, int i) {
        char prev = run.charAt(i - 1);
        char cur = run.charAt(i);
        if (Character.isDigit(prev) != Character.isDigit(cur)) {
            return true;
        }
        if (Character.isLowerCase(prev) && Character.isUpperCase(cur)) {
            return true;
        }
        return Character.isUpperCase(prev) && Character.isUpperCase(cur)
                && i + 1 < run.length() && Character.isLowerCase(run.charAt(i + 1));
    }
}
