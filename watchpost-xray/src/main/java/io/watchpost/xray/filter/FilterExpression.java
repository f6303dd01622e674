package io.watchpost.xray.filter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsException;
import java.util.Optional;

/**
 * A compiled X-Ray filter expression (GetTraceSummaries {@code FilterExpression}, group filter expressions), as in
 * AWS's "Use filter expressions": simple keywords ({@code responsetime}, {@code http.url}, {@code fault}, ...),
 * {@code annotation.key}, {@code service()}, {@code edge()}, {@code id()}, {@code group.*}, {@code rootcause.*},
 * {@code !}, {@code AND}/{@code &&}, {@code OR}/{@code ||}, parentheses and juxtaposition as AND.
 *
 * <p>Instances are immutable and thread-safe: compile once, test any number of traces from any thread. Testing
 * allocates nothing for simple keywords; {@code service()}/{@code edge()} iterate the trace's lists and
 * {@code rootcause.*} builds small position lists.
 */
public final class FilterExpression {
    /** Longest expression accepted, in characters; checked before any parsing. */
    public static final int MAX_LENGTH = 2000;

    private final String source;
    private final Node<TraceFacts> plan;
    private final Optional<IndexHint> indexHint;

    private FilterExpression(String source, Node<TraceFacts> plan) {
        this.source = source;
        this.plan = plan;
        this.indexHint = IndexHints.of(plan);
    }

    /**
     * Compiles {@code expression}; a blank expression matches every trace.
     *
     * @throws AwsException {@code InvalidRequestException} ({@code XRAY_INVALID_REQUEST}) with a message starting
     *     "Invalid filter expression: " and naming the 0-based position of the fault, when the expression is
     *     malformed, too long or nested deeper than {@value Parser#MAX_DEPTH} levels
     */
    public static FilterExpression compile(String expression) {
        requireNonNull(expression, "expression is null");
        if (expression.length() > MAX_LENGTH) {
            throw FilterErrors.of("Expression is longer than " + MAX_LENGTH + " characters");
        }
        if (expression.isBlank()) {
            return new FilterExpression(expression, new Node.Always<>(true));
        }
        return new FilterExpression(expression, Parser.parse(expression));
    }

    /** Whether {@code trace} satisfies the expression. */
    public boolean test(TraceFacts trace) {
        return plan.test(requireNonNull(trace, "trace is null"));
    }

    /**
     * What every matching trace contains that an index can find (service nodes, annotations), or empty when the
     * expression gives no such clue and every trace in range must be tested.
     */
    public Optional<IndexHint> indexHint() {
        return indexHint;
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
