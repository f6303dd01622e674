package io.watchpost.events.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricSink;
import io.watchpost.events.Violations;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.events.targets.DeliverySink;
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
    private final DeliverySink deliveries;
    private final RandomGenerator random;

    PutEventsOperation(EventRulesService service, Clock clock, DeliverySink deliveries, RandomGenerator random) {
        this.service = service;
        this.clock = clock;
        this.deliveries = deliveries;
        this.random = random;
    }

    PutEventsResponse putEvents(RequestContext context, PutEventsRequest request) {
        MetricSink metrics = service.metrics;
        PutEventsTally tally = metrics == MetricSink.NONE ? null : new PutEventsTally();
        Scope scope = context.scope();
        List<PutEventsRequestEntry> entries;
        try {
            entries = validate(request);
        } catch (AwsException e) {
            if (tally != null) {
                metrics.put(scope, tally.data(clock.instant(), 0, 0, 0, false));
            }
            throw e;
        }
        Instant now = clock.instant();
        List<PutEventsResultEntry> results = new ArrayList<>(entries.size());
        int failed = 0;
        String principalArn = context.principal().arn();
        for (PutEventsRequestEntry entry : entries) {
            PutEventsResultEntry result = put(scope, principalArn, entry, now, false, tally);
            failed += result.errorCode() == null ? 0 : 1;
            results.add(result);
        }
        if (tally != null) {
            metrics.put(scope, tally.data(now, entries.size(), failed, EntrySize.total(entries), true));
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

    /** One entry put by a service or a bus target rather than by a PutEvents call; the result as PutEvents reports it. */
    PutEventsResultEntry putOne(Scope scope, PutEventsRequestEntry entry) {
        return put(scope, null, entry, clock.instant(), true, null);
    }

    /** A {@code Scheduled Event} for {@code rule}: delivered to that rule's targets only, as EventBridge does. */
    boolean fireScheduled(Scope scope, String bus, RuleRecord rule) {
        Instant now = clock.instant();
        String ruleArn = RuleKeys.arn(scope, bus, rule.name());
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source("aws.events").detailType("Scheduled Event")
                .resources(ruleArn).detail("{}").build();
        String id = eventId();
        ObjectNode event = event(scope, entry, EventJson.MAPPER.createObjectNode(), id, now);
        return deliverToRule(scope, bus, rule, event, EventJson.write(event), id, now, now);
    }

    /**
     * One entry from {@code scope} (the caller; {@code principalArn} null for services and bus targets, which are
     * trusted). The bus may be another account's in the same region: its policy must allow the caller, and the event
     * keeps the caller's account, as EventBridge's cross-account events do.
     */
    private PutEventsResultEntry put(Scope scope, String principalArn, PutEventsRequestEntry entry, Instant now,
            boolean awsService, PutEventsTally tally) {
        Optional<PutEventsResultEntry> invalid = EntryChecks.check(entry, awsService);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<JsonNode> detail = EventJson.parse(entry.detail()).filter(JsonNode::isObject);
        if (detail.isEmpty()) {
            return EntryChecks.failure("MalformedDetail", "Detail is malformed.");
        }
        Optional<BusResolver.Reached> bus = service.buses.reach(scope, entry.eventBusName());
        if (bus.isEmpty()) {
            String name = BusResolver.nameOf(entry.eventBusName());
            return EntryChecks.failure("ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        Scope busScope = bus.get().scope();
        String busName = bus.get().name();
        if (!busScope.equals(scope) && !allowed(scope, principalArn, busScope, busName, entry)) {
            return EntryChecks.failure("AccessDeniedException", "User: " + principalArn
                    + " is not authorized to perform: events:PutEvents on resource: "
                    + io.watchpost.events.BusPolicy.busArn(busScope, busName)
                    + " because no resource-based policy allows the events:PutEvents action");
        }
        String id = eventId();
        ObjectNode event = event(scope, entry, detail.get(), id, entry.time() == null ? now : entry.time());
        boolean routed = route(busScope, busName, entry.source(), entry.detailType(), event, now, arn -> true, tally);
        if (tally != null) {
            tally.nextEvent();
        }
        if (!routed) {
            return EntryChecks.failure("ThrottlingException", "Rate exceeded.");
        }
        service.accepted(busScope, busName, event, now);
        return PutEventsResultEntry.builder().eventId(id).build();
    }

    private boolean allowed(Scope caller, String principalArn, Scope busScope, String busName,
            PutEventsRequestEntry entry) {
        if (principalArn == null) {
            return false; // services and bus targets put events only on their own account's buses here
        }
        var call = new io.watchpost.events.BusPolicy.PutEventsCall(caller.accountId(), principalArn,
                io.watchpost.events.BusPolicy.busArn(busScope, busName), entry.source(), entry.detailType());
        return service.buses.policy(busScope, busName)
                .map(policy -> io.watchpost.events.BusPolicy.allowsPutEvents(policy, call)).orElse(false);
    }

    /** Hands every matched (target, payload) pair to the queue; false when the queue refused one. */
    boolean reinject(Scope scope, String bus, ObjectNode event, java.util.Set<String> ruleArns) {
        return route(scope, bus, event.path("source").asText(), event.path("detail-type").asText(), event,
                clock.instant(), arn -> ruleArns.isEmpty() || ruleArns.contains(arn), null);
    }

    private boolean route(Scope scope, String bus, String source, String detailType, ObjectNode event, Instant now,
            java.util.function.Predicate<String> ruleArnFilter, PutEventsTally tally) {
        var matched = service.index.match(scope, bus, source, detailType, event);
        if (matched.isEmpty()) {
            return true;
        }
        String eventText = EventJson.write(event);
        String id = event.path("id").asText();
        Instant eventTime = Instant.parse(event.path("time").asText());
        boolean accepted = true;
        for (String key : matched) {
            RuleRecord rule = service.rules.get(key).orElse(null);
            if (rule == null || !rule.enabled()) {
                continue; // changed since the index was read: skipping is what a later arrival would have seen
            }
            if (!ruleArnFilter.test(RuleKeys.arn(scope, bus, rule.name()))) {
                continue;
            }
            if (tally != null) {
                tally.rule(bus, rule.name(), rule.targets().size());
            }
            accepted &= deliverToRule(scope, bus, rule, event, eventText, id, eventTime, now);
        }
        return accepted;
    }

    private boolean deliverToRule(Scope scope, String bus, RuleRecord rule, ObjectNode event, String eventText,
            String id, Instant eventTime, Instant now) {
        if (rule.managed()) {
            return true; // the managing service does the work (an archive's rule: the archive ingests on its own)
        }
        String ruleArn = RuleKeys.arn(scope, bus, rule.name());
        var ref = new TargetDelivery.RuleRef(bus, rule.name(), ruleArn);
        var delivery = new TargetPayloads.Delivery(event, eventText, rule.name(), ruleArn,
                now.truncatedTo(ChronoUnit.MILLIS).toString());
        long timeMillis = eventTime.toEpochMilli();
        boolean accepted = true;
        for (Target target : rule.targets()) {
            String payload = TargetPayloads.render(target, delivery);
            accepted &= deliveries.offer(new DeliveryQueue.Item(scope, ref, target, payload, id, timeMillis));
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
