package io.watchpost.events;

import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest;

/**
 * UpdateEventBus applied to a stored bus. A member left out keeps the bus's setting (Terraform's provider relies on
 * this: it sends an empty Description because leaving it out would not clear it); an empty Description or
 * KmsKeyIdentifier, or a DeadLetterConfig without Arn, clears the setting.
 */
final class BusUpdates {
    private BusUpdates() {}

    static BusRecord apply(BusRecord bus, UpdateEventBusRequest request, long nowMillis) {
        String description = request.description() == null ? bus.description() : emptyToNull(request.description());
        String kmsKey = request.kmsKeyIdentifier() == null ? bus.kmsKeyIdentifier()
                : emptyToNull(request.kmsKeyIdentifier());
        String deadLetterArn = request.deadLetterConfig() == null ? bus.deadLetterArn()
                : request.deadLetterConfig().arn();
        String level = bus.logLevel();
        String includeDetail = bus.logIncludeDetail();
        if (request.logConfig() != null) {
            level = request.logConfig().levelAsString();
            includeDetail = request.logConfig().includeDetailAsString();
        }
        return new BusRecord(bus.name(), description, kmsKey, deadLetterArn, level, includeDetail, bus.policy(),
                bus.tags(), bus.creationMillis(), nowMillis);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
