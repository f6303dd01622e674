package io.watchpost.logs.subscription;

import io.watchpost.core.Arn;
import java.util.Optional;

/** The kinds of subscription destination AWS supports, told apart by the destination ARN. */
public enum DestinationKind {
    /** {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}: a record of the gzip payload. */
    KINESIS("kinesis", "stream/"),
    /** {@code arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME}: a record of the gzip payload. */
    FIREHOSE("firehose", "deliverystream/"),
    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}: invoked with {@link SubscriptionPayloads#lambdaEvent}. */
    LAMBDA("lambda", "function:"),
    /** {@code arn:aws:logs:REGION:ACCOUNT:destination:NAME}: a cross-account logs destination (PutDestination). */
    LOGS_DESTINATION("logs", "destination:");

    private final String service;
    private final String resourcePrefix;

    DestinationKind(String service, String resourcePrefix) {
        this.service = service;
        this.resourcePrefix = resourcePrefix;
    }

    /** The service of the ARN, as AWS names the "vendor" in its messages. */
    public String vendor() {
        return service;
    }

    /** The kind of a parsed destination ARN, or empty when AWS supports no such destination. */
    public static Optional<DestinationKind> of(Arn arn) {
        for (DestinationKind kind : values()) {
            if (kind.service.equals(arn.service()) && arn.resource().startsWith(kind.resourcePrefix)
                    && arn.resource().length() > kind.resourcePrefix.length()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
