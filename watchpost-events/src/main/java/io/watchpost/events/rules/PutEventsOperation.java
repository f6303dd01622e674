package io.watchpost.events.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.events.Violations;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.events.targets.Target;
import io.watchpost.events.targets.TargetDelivery;
import io.watchpost.events.targets.TargetPayloads;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents: 1-10 entries of at most 256 KB together ({@link EntrySize}); each entry either becomes an event (id,
 * account, region, time) or fails on its own with AWS's ErrorCode and ErrorMessage. An event meets only the enabled
 * rules of its bus that can match it ({@link RuleIndex}); each matched target's payload is rendered here and queued
 * for delivery.
 *
 * <p>Hot path: one parse of Detail, one event tree, one serialization of it, then per matched target one render.
 */
final class PutEventsOperation {
    private final EventRulesService service;
    private final Clock clock;
    private final DeliveryQueue deliveries;
    private final RandomGenerator random;

    PutEventsOperation(EventRulesService service, Clock clock, DeliveryQueue deliveries, RandomGenerator random) {
        this.service = service;
        this.clock = clock;
        this.deliveries = deliveries;
        this.random = random;
    }

    PutEventsResponse putEvents(RequestContext context, PutEventsRequest request) {
        List<PutEventsRequestEntry> entries = validate(request);
        Scope scope = context.scope();
        Instant now = clock.instant();
        List<PutEventsResultEntry> results = new ArrayList<>(entries.size());
        int failed = 0;
        for (PutEventsRequestEntry entry : entries) {
            PutEventsResultEntry result = put(scope, entry, now);
            failed += result.errorCode() == null ? 0 : 1;
            results.add(result);
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private List<PutEventsRequestEntry> validate(PutEventsRequest request) {
        List<PutEventsRequestEntry> entries = request.hasEntries() ? request.entries() : List.of();
        Violations v = new Violations().required("entries", request.hasEntries() ? entries : null);
        if (request.hasEntries() && (entries.isEmpty() || entries.size() > 10)) {
            v.custom("Value '" + entries + "' at 'entries' failed to satisfy constraint: Member must have length "
                    + (entries.isEmpty() ? "greater than or equal to 1" : "less than or equal to 10"));
        }
        for (int i = 0; i < entries.size(); i++) {
            PutEventsRequestEntry entry = entries.get(i);
            String path = "entries." + (i + 1) + ".member";
            v.required(path, entry);
            if (entry != null) {
                v.length(path + ".eventBusName", entry.eventBusName(), 1, 1600)
                        .pattern(path + ".eventBusName", entry.eventBusName(), RuleValidation.NON_PARTNER_BUS_NAME_OR_ARN)
                        .length(path + ".traceHeader", entry.traceHeader(), 1, 500);
                List<String> resources = entry.hasResources() ? entry.resources() : List.of();
                for (int r = 0; r < resources.size(); r++) {
                    v.length(path + ".resources." + (r + 1) + ".member", resources.get(r), 0, 2048);
                }
            }
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
        if (EntrySize.total(entries) > EntrySize.MAX_TOTAL_BYTES) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Total size of the entries in the request is over the limit.");
        }
        return entries;
    }

    private PutEventsResultEntry put(Scope scope, PutEventsRequestEntry entry, Instant now) {
        Optional<PutEventsResultEntry> invalid = EntryChecks.check(entry);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<JsonNode> detail = EventJson.parse(entry.detail()).filter(JsonNode::isObject);
        if (detail.isEmpty()) {
            return EntryChecks.failure("MalformedDetail", "Detail is malformed.");
        }
        Optional<String> bus = service.buses.find(scope, entry.eventBusName());
        if (bus.isEmpty()) {
            String name = BusResolver.nameOf(entry.eventBusName());
            return EntryChecks.failure("ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        String id = eventId();
        ObjectNode event = event(scope, entry, detail.get(), id, entry.time() == null ? now : entry.time());
        if (!route(scope, bus.get(), entry, event, now)) {
            return EntryChecks.failure("ThrottlingException", "Rate exceeded.");
        }
        return PutEventsResultEntry.builder().eventId(id).build();
    }

    /** Hands every matched (target, payload) pair to the queue; false when the queue refused one. */
    private boolean route(Scope scope, String bus, PutEventsRequestEntry entry, ObjectNode event, Instant now) {
        var matched = service.index.match(scope, bus, entry.source(), entry.detailType(), event);
        if (matched.isEmpty()) {
            return true;
        }
        String eventText = EventJson.write(event);
        String ingestion = now.truncatedTo(ChronoUnit.MILLIS).toString();
        boolean accepted = true;
        for (String key : matched) {
            RuleRecord rule = service.rules.get(key).orElse(null);
            if (rule == null || !rule.enabled()) {
                continue; // changed since the index was read: skipping is what a later arrival would have seen
            }
            String ruleArn = RuleKeys.arn(scope, bus, rule.name());
            var ref = new TargetDelivery.RuleRef(bus, rule.name(), ruleArn);
            var delivery = new TargetPayloads.Delivery(event, eventText, rule.name(), ruleArn, ingestion);
            for (Target target : rule.targets()) {
                String payload = TargetPayloads.render(target, delivery);
                accepted &= deliveries.offer(new DeliveryQueue.Item(scope, ref, target, payload));
            }
        }
        return accepted;
    }

    private ObjectNode event(Scope scope, PutEventsRequestEntry entry, JsonNode detail, String id, Instant time) {
        ObjectNode event = EventJson.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", entry.detailType());
        event.put("source", entry.source());
        event.put("account", scope.accountId());
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", scope.region());
        ArrayNode resources = event.putArray("resources");
        if (entry.hasResources()) {
            entry.resources().forEach(resources::add);
        }
        event.set("detail", detail);
        return event;
    }

    /** A version-4 UUID from the injected generator. */
    private String eventId() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
