package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.events.targets.TargetDelivery;
import io.watchpost.logs.subscription.DestinationKind;
import io.watchpost.logs.subscription.SubscriptionDelivery;
import io.watchpost.logs.subscription.SubscriptionPayloads;
import io.watchpost.server.delivery.HttpDestinations;

/**
 * Deliveries to destinations Watchpost does not host (Lambda, SQS, SNS, Kinesis, Firehose, …): the payload AWS
 * would deliver goes to the HTTP endpoint mapped for the ARN in configuration ({@code destinations}). An ARN with
 * no mapping is logged and dropped, which is what AWS does with a destination it cannot reach.
 */
final class Deliveries {
    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

    private Deliveries() {}

    /** EventBridge targets: a failure throws, so the rule's retry policy applies. */
    static TargetDelivery targets(HttpDestinations http) {
        return (scope, rule, target, payload) -> {
            if (!http.deliver(target.arn(), payload.getBytes(UTF_8), "application/json", rule.ruleArn())) {
                LOG.log(System.Logger.Level.DEBUG, "no endpoint is mapped for target {0} of rule {1}; dropped",
                        target.arn(), rule.ruleArn());
            }
        };
    }

    /** Logs subscriptions: Lambda gets AWS's {@code {"awslogs":{"data":…}}} event, streams the gzip record. */
    static SubscriptionDelivery subscriptions(HttpDestinations http) {
        return (scope, filter, payload) -> {
            boolean lambda = filter.destinationKind() == DestinationKind.LAMBDA;
            byte[] body = lambda ? SubscriptionPayloads.lambdaEvent(payload) : payload;
            try {
                if (!http.deliver(filter.destinationArn(), body, lambda ? "application/json"
                        : "application/octet-stream", "logs:" + filter.logGroupName())) {
                    LOG.log(System.Logger.Level.DEBUG, "no endpoint is mapped for subscription destination {0}",
                            filter.destinationArn());
                }
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.WARNING, "subscription delivery to " + filter.destinationArn()
                        + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
