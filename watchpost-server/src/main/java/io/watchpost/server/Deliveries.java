package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.events.apidestination.ApiDestinationInvoker;
import io.watchpost.events.apidestination.HttpParameters;
import io.watchpost.events.apidestination.InvocationResult;
import io.watchpost.events.targets.Target;
import io.watchpost.events.targets.TargetDelivery;
import io.watchpost.logs.subscription.DestinationKind;
import io.watchpost.logs.subscription.SubscriptionDelivery;
import io.watchpost.logs.subscription.SubscriptionPayloads;
import io.watchpost.server.delivery.HttpDestinations;
import io.watchpost.store.outbox.Outbox;
import io.watchpost.store.outbox.PermanentFailureException;
import io.watchpost.store.outbox.RetryPolicy;
import java.io.IOException;
import java.util.Map;

/**
 * Deliveries to destinations Watchpost does not host: EventBridge API destinations make their real HTTP calls;
 * Lambda, SQS, SNS, Kinesis and Firehose ARNs go to the HTTP endpoint mapped for them in configuration
 * ({@code destinations}). An ARN with no mapping is logged and dropped, which is what AWS does with a destination
 * it cannot reach.
 */
final class Deliveries {
    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

    private Deliveries() {}

    /** EventBridge targets: a retryable failure throws, so the target's retry policy applies. */
    static TargetDelivery targets(HttpDestinations http, ApiDestinationInvoker apiDestinations) {
        return new TargetDelivery() {
            @Override
            public void deliver(io.watchpost.core.Scope scope, RuleRef rule, Target target, String payload)
                    throws Exception {
                deliver(scope, rule, target, payload, Map.of());
            }

            @Override
            public void deliver(io.watchpost.core.Scope scope, RuleRef rule, Target target, String payload,
                    Map<String, String> attributes) throws Exception {
                if (target.arn().contains(":api-destination/")) {
                    invoke(apiDestinations, scope, target, payload);
                    return;
                }
                String source = attributes.isEmpty() ? rule.ruleArn() : rule.ruleArn() + " " + attributes;
                if (!http.deliver(target.arn(), payload.getBytes(UTF_8), "application/json", source)) {
                    LOG.log(System.Logger.Level.DEBUG, "no endpoint is mapped for target {0} of rule {1}; dropped",
                            target.arn(), rule.ruleArn());
                }
            }
        };
    }

    private static void invoke(ApiDestinationInvoker invoker, io.watchpost.core.Scope scope, Target target,
            String payload) throws IOException, PermanentFailureException {
        Target.HttpParameters parameters = target.httpParameters();
        HttpParameters http = parameters == null ? HttpParameters.NONE : new HttpParameters(
                parameters.pathParameterValues(), parameters.headerParameters(),
                parameters.queryStringParameters());
        InvocationResult result = invoker.invoke(scope, target.arn(), payload, http);
        switch (result.outcome()) {
            case DELIVERED -> { }
            case RETRY -> throw new IOException("API destination " + target.arn() + ": " + result.detail());
            case DROP -> throw new PermanentFailureException("SDK_CLIENT_ERROR",
                    "API destination " + target.arn() + " answered " + result.statusCode() + ": " + result.detail());
            default -> throw new IllegalStateException(result.outcome().name());
        }
    }

    /**
     * Logs subscriptions, at least once: each payload is appended to {@code outbox} (durably, before the ingesting
     * call returns) and sent from there with retries. Lambda gets AWS's {@code {"awslogs":{"data":…}}} event,
     * Kinesis and Firehose the gzip record.
     */
    static SubscriptionDelivery subscriptions(Outbox outbox) {
        return (scope, filter, payload) -> {
            boolean lambda = filter.destinationKind() == DestinationKind.LAMBDA;
            outbox.enqueue(filter.destinationArn(), lambda ? SubscriptionPayloads.lambdaEvent(payload) : payload,
                    SUBSCRIPTION_RETRIES);
        };
    }

    /** CloudWatch Logs keeps retrying a subscription destination for up to a day. */
    private static final RetryPolicy SUBSCRIPTION_RETRIES = new RetryPolicy(185, java.time.Duration.ofDays(1));

    /** Sends what {@link #subscriptions} queued: a failure throws, so the outbox retries it. */
    static Outbox.Sender subscriptionSender(HttpDestinations http) {
        return item -> {
            boolean lambda = item.destination().contains(":lambda:");
            if (!http.deliver(item.destination(), item.payload(), lambda ? "application/json"
                    : "application/octet-stream", "logs")) {
                LOG.log(System.Logger.Level.DEBUG, "no endpoint is mapped for subscription destination {0}",
                        item.destination());
            }
        };
    }

    static Outbox.DeadLetters subscriptionDeadLetters() {
        return letter -> LOG.log(System.Logger.Level.WARNING, "subscription delivery to {0} abandoned after {1}"
                + " attempts ({2}): {3}", letter.item().destination(), letter.attempts(), letter.reason(),
                letter.errorMessage());
    }
}
