package io.watchpost.server;

import io.watchpost.events.targets.TargetDelivery;
import io.watchpost.logs.subscription.SubscriptionDelivery;

/**
 * Where deliveries to destinations Watchpost does not host go. Until destinations are mapped in configuration
 * (log groups through the LogSink, other buses, API destinations, HTTP endpoints standing in for Lambda, SQS,
 * Kinesis, Firehose — the EventBridge and Logs issues), a payload is logged and dropped, which is what AWS does
 * with a destination it cannot reach after its retries.
 */
final class Deliveries {
    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

    private Deliveries() {}

    static TargetDelivery unmappedTargets() {
        return (scope, rule, target, payload) -> LOG.log(System.Logger.Level.DEBUG,
                "no delivery is mapped for target {0} of rule {1}; payload dropped", target.arn(), rule.ruleArn());
    }

    static SubscriptionDelivery unmappedSubscriptions() {
        return (scope, filter, payload) -> LOG.log(System.Logger.Level.DEBUG,
                "no delivery is mapped for subscription destination {0}; {1} bytes dropped",
                filter.destinationArn(), payload.length);
    }
}
