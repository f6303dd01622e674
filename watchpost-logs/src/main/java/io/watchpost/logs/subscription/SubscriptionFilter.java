package io.watchpost.logs.subscription;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import java.util.List;
import java.util.Optional;

/**
 * A subscription filter as persisted in the {@code subscription-filters} table (keyed by
 * {@code LogGroupDirectory.childKey(scope, logGroupName, filterName)}) and as handed to {@link SubscriptionDelivery}.
 * {@code roleArn} and {@code fieldSelectionCriteria} are {@code null} when not set; {@code groupCreationTime} ties
 * the filter to the incarnation of the group it was put on. Immutable.
 */
public record SubscriptionFilter(
        String logGroupName,
        long groupCreationTime,
        String filterName,
        String filterPattern,
        String destinationArn,
        String roleArn,
        String distribution,
        boolean applyOnTransformedLogs,
        long creationTime,
        String fieldSelectionCriteria,
        List<String> emitSystemFields) {
    public SubscriptionFilter {
        requireNonNull(logGroupName, "logGroupName is null");
        requireNonNull(filterName, "filterName is null");
        requireNonNull(filterPattern, "filterPattern is null");
        requireNonNull(destinationArn, "destinationArn is null");
        requireNonNull(distribution, "distribution is null");
        emitSystemFields = emitSystemFields == null ? List.of() : List.copyOf(emitSystemFields);
    }

    /** The kind of destination (validated when the filter was put, so always present for a stored filter). */
    public DestinationKind destinationKind() {
        return Arn.parse(destinationArn).flatMap(DestinationKind::of).orElseThrow(
                () -> new IllegalStateException("unsupported destination " + destinationArn));
    }

    public Optional<String> role() {
        return Optional.ofNullable(roleArn);
    }
}
