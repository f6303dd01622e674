package io.watchpost.events.partner;

import io.watchpost.core.Scope;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts one partner event on a bus of the account a source is shared with, through the same matching and delivery as
 * PutEvents ({@code EventRulesService#putPartnerEvent}); the result as PutEvents would report it.
 */
@FunctionalInterface
public interface PartnerEventSink {
    PutEventsResultEntry put(Scope account, PutEventsRequestEntry entry);
}
