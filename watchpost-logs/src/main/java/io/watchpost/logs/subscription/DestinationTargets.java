package io.watchpost.logs.subscription;

import io.watchpost.core.Arn;
import io.watchpost.logs.destination.DestinationDirectory;
import java.util.Optional;

/**
 * Resolves a filter whose destination is a CloudWatch Logs destination to the same filter pointed at the
 * destination's Kinesis or Firehose target, which is what {@link SubscriptionDelivery} delivers to. Resolved on
 * every delivery, so PutDestination changing the target takes effect at once (as at AWS).
 */
final class DestinationTargets {
    private final DestinationDirectory destinations;

    DestinationTargets(DestinationDirectory destinations) {
        this.destinations = destinations;
    }

    /** The filter as delivered; empty when its Logs destination no longer exists. */
    Optional<SubscriptionFilter> resolve(SubscriptionFilter filter) {
        if (filter.destinationKind() != DestinationKind.LOGS_DESTINATION) {
            return Optional.of(filter);
        }
        return destinations.find(Arn.parse(filter.destinationArn()).orElseThrow())
                .map(d -> retarget(filter, d.targetArn(), d.roleArn()));
    }

    static SubscriptionFilter retarget(SubscriptionFilter f, String targetArn, String roleArn) {
        return new SubscriptionFilter(f.logGroupName(), f.groupCreationTime(), f.filterName(), f.filterPattern(),
                targetArn, roleArn, f.distribution(), f.applyOnTransformedLogs(), f.creationTime(),
                f.fieldSelectionCriteria(), f.emitSystemFields());
    }
}
