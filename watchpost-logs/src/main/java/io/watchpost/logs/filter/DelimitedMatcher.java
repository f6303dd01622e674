package io.watchpost.logs.filter;

import io.watchpost.logs.filter.PatternTree.Column;
import io.watchpost.logs.filter.PatternTree.Condition;
import io.watchpost.logs.filter.PatternTree.Field;
import io.watchpost.logs.filter.PatternTree.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns a space-delimited pattern with the fields of a line. Without {@code ...} the counts must be equal; each
 * {@code ...} absorbs zero or more fields, tried shortest first (the first alignment whose conditions hold wins).
 * The search is bounded by the number of ellipses and fields (both bounded at compile time and by the line).
 *
 * <p>Field tests, as in JSON patterns: {@code =}/{@code !=} with an unquoted number compare numerically when the
 * field is a number, else as text with wildcards; relational operators hold only on numeric fields.
 */
final class DelimitedMatcher {
    private DelimitedMatcher() {}

    /** The field index each pattern field was aligned to (-1 for ellipses), or null when the line does not match. */
    static int[] align(List<Field> pattern, int ellipses, LineFields line) {
        int[] assigned = new int[pattern.size()];
        // Two or more ellipses could revisit the same (pattern field, line field) state many times: remember failures
        // so the search stays polynomial (pattern fields x line fields states).
        boolean[] failed = ellipses > 1 ? new boolean[(pattern.size() + 1) * (line.count + 1)] : null;
        return align(pattern, 0, line, 0, assigned, failed) ? assigned : null;
    }

    private static boolean align(List<Field> pattern, int p, LineFields line, int f, int[] assigned,
            boolean[] failed) {
        if (p == pattern.size()) {
            return f == line.count;
        }
        int state = p * (line.count + 1) + f;
        if (failed != null && failed[state]) {
            return false;
        }
        boolean ok = step(pattern, p, line, f, assigned, failed);
        if (!ok && failed != null) {
            failed[state] = true;
        }
        return ok;
    }

    private static boolean step(List<Field> pattern, int p, LineFields line, int f, int[] assigned,
            boolean[] failed) {
        Field field = pattern.get(p);
        if (field instanceof Column column) {
            if (f >= line.count || !holds(column, line, f)) {
                return false;
            }
            assigned[p] = f;
            return align(pattern, p + 1, line, f + 1, assigned, failed);
        }
        assigned[p] = -1;
        for (int skip = f; skip <= line.count; skip++) {
            if (align(pattern, p + 1, line, skip, assigned, failed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Column column, LineFields line, int f) {
        return column.condition().isEmpty() || holds(column.condition().get(), line, f);
    }

    private static boolean holds(Condition condition, LineFields line, int f) {
        return switch (condition) {
            case PatternTree.AllOf all -> holds(all.left(), line, f) && holds(all.right(), line, f);
            case PatternTree.AnyOf any -> holds(any.left(), line, f) || holds(any.right(), line, f);
            case PatternTree.Test test -> test(test, line.line, line.starts[f], line.ends[f]);
        };
    }

    private static boolean test(PatternTree.Test test, String text, int from, int to) {
        Op op = test.op();
        return switch (test.value()) {
            case RegexValue regex -> regex.find(text.subSequence(from, to)) == (op == Op.EQ);
            case Literal literal -> {
                if (op.relational() || literal.numeric()) {
                    double number = Numbers.parse(text, from, to);
                    if (!Double.isNaN(number)) {
                        yield op.holds(number, literal.number());
                    }
                    if (op.relational()) {
                        yield false;
                    }
                }
                yield literal.matchesText(text, from, to) == (op == Op.EQ);
            }
        };
    }

    /**
     * The extracted values AWS reports for a match: {@code $name} for named fields, {@code $N} (1-based position in
     * the line) for unnamed fields and fields absorbed by an ellipsis.
     */
    static Map<String, String> extract(List<Field> pattern, LineFields line, int[] assigned) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean[] named = new boolean[line.count];
        for (int p = 0; p < pattern.size(); p++) {
            if (pattern.get(p) instanceof Column column && column.name().isPresent()) {
                values.put("$" + column.name().get(), line.value(assigned[p]));
                named[assigned[p]] = true;
            }
        }
        for (int f = 0; f < line.count; f++) {
            if (!named[f]) {
                values.put("$" + (f + 1), line.value(f));
            }
        }
        return values;
    }
}
