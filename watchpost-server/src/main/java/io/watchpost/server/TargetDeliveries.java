package io.watchpost.server;

import io.watchpost.events.targets.TargetDelivery;

/**
 * Where EventBridge targets deliver. Until targets are mapped (log groups through the LogSink, other buses, API
 * destinations, configured HTTP endpoints — the EventBridge issue), a matched target's payload is logged and
 * dropped, which is what AWS does with a target it cannot reach after its retries.
 */
final class TargetDeliveries {
    private static final System.Logger LOG = System.getLogger(TargetDeliveries.class.getName());

    private TargetDeliveries() {}

    static TargetDelivery unmapped() {
        return (scope, rule, target, payload) -> LOG.log(System.Logger.Level.DEBUG,
                "no delivery is mapped for target {0} of rule {1}; payload dropped", target.arn(), rule.ruleArn());
    }
}
