package io.watchpost.logs.subscription;

import io.watchpost.core.Scope;

/**
 * Where subscription payloads go: the server maps destination ARNs to configured HTTP endpoints. Called on the
 * ingesting thread (and on PutSubscriptionFilter for the control message), once per filter and matching batch, in
 * stream order: implementations should queue and return quickly, and must not throw.
 */
public interface SubscriptionDelivery {
    /**
     * Delivers one payload: the gzip-compressed JSON AWS puts in a Kinesis or Firehose record. For a Lambda
     * destination, wrap it with {@link SubscriptionPayloads#lambdaEvent(byte[])}.
     */
    void deliver(Scope scope, SubscriptionFilter filter, byte[] payload);

    SubscriptionDelivery NONE = (scope, filter, payload) -> {};
}
