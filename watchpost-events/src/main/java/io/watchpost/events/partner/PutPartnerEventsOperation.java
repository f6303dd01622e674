package io.watchpost.events.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.events.rules.EntryChecks;
import io.watchpost.events.rules.EntrySize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

/**
 * PutPartnerEvents: 1-20 entries of at most 256 KB together (PutEvents' entry-size arithmetic). Each entry's Source
 * is an event source the caller created; the event goes to the partner bus (named after the source) of the account the
 * source is shared with, with {@code source} the source's name. While the source is not ACTIVE or that account has no
 * partner bus, the entry is accepted and the event dropped, as the partner cannot see the customer's side.
 */
final class PutPartnerEventsOperation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerSources sources;
    private final PartnerEventSink events;
    private final RandomGenerator random;

    PutPartnerEventsOperation(PartnerSources sources, PartnerEventSink events, RandomGenerator random) {
        this.sources = sources;
        this.events = events;
        this.random = random;
    }

    PutPartnerEventsResponse put(RequestContext context, PutPartnerEventsRequest request) {
        List<PutPartnerEventsRequestEntry> entries = request.hasEntries() ? request.entries() : null;
        PartnerValidation.entries(entries);
        List<PutEventsRequestEntry> asEvents = entries.stream().map(PutPartnerEventsOperation::asEvent).toList();
        if (EntrySize.total(asEvents) > EntrySize.MAX_TOTAL_BYTES) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Total size of the entries in the request is over the limit.");
        }
        List<PutPartnerEventsResultEntry> results = new ArrayList<>(entries.size());
        int failed = 0;
        for (PutEventsRequestEntry entry : asEvents) {
            PutEventsResultEntry result = putOne(context.scope(), entry);
            failed += result.errorCode() == null ? 0 : 1;
            results.add(PutPartnerEventsResultEntry.builder().eventId(result.eventId()).errorCode(result.errorCode())
                    .errorMessage(result.errorMessage()).build());
        }
        return PutPartnerEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private PutEventsResultEntry putOne(Scope partner, PutEventsRequestEntry entry) {
        Optional<PutEventsResultEntry> invalid = EntryChecks.check(entry, true);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        long now = sources.now();
        Optional<PartnerSourceRecord> source = sources.get(partner.region(), entry.source())
                .filter(s -> s.partnerAccount().equals(partner.accountId()) && s.live(now));
        if (source.isEmpty()) {
            return EntryChecks.failure("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        if (!isJsonObject(entry.detail())) {
            return EntryChecks.failure("MalformedDetail", "Detail is malformed.");
        }
        Scope account = new Scope(source.get().account(), partner.region());
        if (source.get().state().equals(PartnerSourceRecord.ACTIVE) && sources.busExists(account, entry.source())) {
            return events.put(account, entry);
        }
        return PutEventsResultEntry.builder().eventId(eventId()).build();
    }

    private static PutEventsRequestEntry asEvent(PutPartnerEventsRequestEntry entry) {
        return entry == null ? null : PutEventsRequestEntry.builder().source(entry.source())
                .detailType(entry.detailType()).detail(entry.detail()).time(entry.time())
                .resources(entry.hasResources() ? entry.resources() : null).eventBusName(entry.source()).build();
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** A version-4 UUID from the injected generator, for an event accepted but not delivered. */
    private String eventId() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
