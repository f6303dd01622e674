package io.watchpost.logs.filter;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Pattern;

/**
 * A {@code %regex%} in a pattern, compiled with RE2/J: matching time is linear in the input whatever the expression,
 * so a hostile pattern cannot stall a scan over millions of events (AWS instead aborts with "Regular expression
 * evaluation time exceeded allowed limit"). Matches when the expression is found anywhere in the text.
 *
 * @param written the expression as written, percent signs included
 */
record RegexValue(String written, Pattern compiled) implements PatternTree.Value {
    RegexValue {
        requireNonNull(written, "written is null");
        requireNonNull(compiled, "compiled is null");
    }

    boolean find(CharSequence text) {
        return compiled.matcher(text).find();
    }
}
