package io.watchpost.logs.filter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.Optional;

/**
 * A compiled CloudWatch Logs filter pattern (metric filters, subscription filters, FilterLogEvents, Live Tail).
 * The form follows the first character of the trimmed pattern, as in AWS: nothing (every event), {@code {} (JSON),
 * {@code [} (space-delimited), {@code %...%} (a regular expression), anything else (terms). Matching is
 * case-sensitive everywhere, as AWS documents.
 *
 * <p>Instances are immutable and thread-safe: compile once, match from any number of threads.
 */
public final class FilterPattern {
    /** AWS's maximum filterPattern length (model constraint of every filterPattern member). */
    public static final int MAX_LENGTH = 1024;

    private final String source;
    private final PatternKind kind;
    private final Plans.Plan plan;

    private FilterPattern(String source, PatternKind kind, Plans.Plan plan) {
        this.source = source;
        this.kind = kind;
        this.plan = plan;
    }

    /**
     * Compiles {@code pattern}, or throws {@link AwsException} ({@code InvalidParameterException}) with AWS's message
     * for a pattern AWS refuses.
     */
    public static FilterPattern compile(String pattern) {
        requireNonNull(pattern, "pattern is null");
        if (pattern.length() > MAX_LENGTH) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at "
                    + "'filterPattern' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_LENGTH);
        }
        try {
            PatternTree.Form form = parse(pattern.strip());
            return new FilterPattern(pattern, kindOf(form), Plans.of(form));
        } catch (PatternError e) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, e.getMessage());
        }
    }

    /** The typed tree of a pattern; package-private for tests. Throws {@link PatternError}. */
    static PatternTree.Form parse(String trimmed) {
        if (trimmed.isEmpty()) {
            return new PatternTree.All();
        }
        if (trimmed.charAt(0) == '{') {
            if (trimmed.length() < 2 || trimmed.charAt(trimmed.length() - 1) != '}') {
                throw new PatternError(PatternError.UNCLOSED_BRACE, trimmed.length());
            }
            return JsonPatternParser.parse(trimmed);
        }
        if (trimmed.charAt(0) == '[') {
            if (trimmed.length() < 2 || trimmed.charAt(trimmed.length() - 1) != ']') {
                throw new PatternError(PatternError.UNCLOSED_BRACKET, trimmed.length());
            }
            return DelimitedPatternParser.parse(trimmed);
        }
        if (trimmed.length() >= 2 && trimmed.charAt(0) == '%' && trimmed.charAt(trimmed.length() - 1) == '%') {
            return new PatternTree.Regex(RegexParser.compile(trimmed, 0));
        }
        return Terms.parse(trimmed);
    }

    private static PatternKind kindOf(PatternTree.Form form) {
        return switch (form) {
            case PatternTree.All all -> PatternKind.ALL;
            case PatternTree.Text text -> PatternKind.TERMS;
            case PatternTree.Regex regex -> PatternKind.REGEX;
            case PatternTree.Json json -> PatternKind.JSON;
            case PatternTree.Delimited delimited -> PatternKind.SPACE_DELIMITED;
        };
    }

    /** The pattern as given. */
    public String source() {
        return source;
    }

    public PatternKind kind() {
        return kind;
    }

    /** Whether the event matches: the scan path (FilterLogEvents, subscriptions). */
    public boolean matches(String message) {
        return plan.matches(message);
    }

    /** The match with its values (metric filters, TestMetricFilter), or empty. */
    public Optional<FilterMatch> match(String message) {
        return Optional.ofNullable(plan.match(message));
    }

    @Override
    public String toString() {
        return source;
    }
}
