package io.watchpost.events.archive;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.BusDirectory;
import io.watchpost.events.Violations;
import io.watchpost.events.pattern.EventPattern;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.Target;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveResponse;

/**
 * EventBridge archives ({@code events}): CreateArchive, DescribeArchive, UpdateArchive, DeleteArchive, ListArchives,
 * and through {@link ReplayOperations} StartReplay, DescribeReplay, CancelReplay, ListReplays. Definitions persist in
 * the {@code events.archives} and {@code events.replays} state tables; events in one record log per archive
 * ({@link ArchiveLogs}) under the data directory given. Every event PutEvents accepts is offered to the archives of
 * its bus (listener on {@link EventRulesService}); replayed events are never offered, so never archived again.
 * Retention runs hourly on the scheduler and deletes expired events from disk.
 *
 * <p><b>Thread-safety:</b> archiving (the PutEvents hot path) reads an immutable per-bus list of compiled archive
 * patterns; definition changes are serialized on one lock and republish that list after the journal write.
 */
public final class ArchiveService implements WatchpostService, AutoCloseable {
    static final Duration RETENTION_PERIOD = Duration.ofHours(1);
    static final String MANAGED_RULE_PREFIX = "Events-Archive-";
    static final String MANAGED_BY = "prod.vhs.events.aws.internal";
    private static final ObjectMapper JSON = new ObjectMapper();
    final StateTable<ArchiveRecord> archives;
    final ArchiveLogs logs;
    final BusDirectory buses;
    final PageTokens pageTokens;
    final Clock clock;
    final Object writeLock = new Object();
    private final ArchiveIngest ingest;
    private final ReplayOperations replays;
    private final ApiHandlers handlers;
    private final EventRulesService rules;

    /**
     * @param directory where archive record logs live (one sub-directory per archive)
     * @param logConfig segment sizing and durability of those logs (its clock is replaced by {@code clock})
     * @param rules the rules service whose accepted events are archived and into which replays re-inject
     */
    public ArchiveService(StateJournal journal, Path directory, RecordLogConfig logConfig, Clock clock,
            Scheduler scheduler, PageTokens pageTokens, EventRulesService rules) {
        this.archives = requireNonNull(journal, "journal is null").table("events.archives", ArchiveRecord.class);
        this.logs = new ArchiveLogs(requireNonNull(directory, "directory is null"),
                requireNonNull(logConfig, "logConfig is null").withClock(clock).withSegmentAge(Duration.ofDays(1)));
        this.buses = new BusDirectory(journal);
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.replays = new ReplayOperations(this, journal, rules,
                requireNonNull(scheduler, "scheduler is null"));
        this.ingest = new ArchiveIngest(archives, logs);
        rules.onAcceptedEvent(ingest::archive);
        scheduler.schedule("events.archive.retention", clock.instant().plus(RETENTION_PERIOD), RETENTION_PERIOD,
                this::expire);
        this.handlers = ApiHandlers.merge(List.of(ApiHandlers.builder()
                .on(CreateArchiveRequest.class, this::createArchive)
                .on(DescribeArchiveRequest.class, this::describeArchive)
                .on(UpdateArchiveRequest.class, this::updateArchive)
                .on(DeleteArchiveRequest.class, this::deleteArchive)
                .on(ListArchivesRequest.class, this::listArchives)
                .build(), replays.handlers()));
    }

    @Override
    public String endpointPrefix() {
        return "events";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    @Override
    public void afterReset() {
        synchronized (writeLock) {
            ingest.rebuild();
            replays.afterReset();
        }
    }

    @Override
    public void close() throws IOException {
        logs.close();
    }

    CreateArchiveResponse createArchive(RequestContext context, CreateArchiveRequest r) {
        Violations v = ArchiveValidation.archiveName(new Violations(), "archiveName", r.archiveName(), true);
        ArchiveValidation.eventsArn(v.required("eventSourceArn", r.eventSourceArn()), "eventSourceArn",
                r.eventSourceArn());
        ArchiveValidation.archiveSettings(v, r.description(), r.eventPattern(), r.retentionDays(),
                r.kmsKeyIdentifier()).throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String bus = existingBus(scope, r.eventSourceArn());
        if (r.eventPattern() != null) {
            EventPattern.compile(r.eventPattern());
        }
        long now = clock.millis();
        ArchiveRecord archive = new ArchiveRecord(r.archiveName(), bus, r.eventSourceArn(), r.description(),
                r.eventPattern(), r.retentionDays() == null ? 0 : r.retentionDays(), ArchiveRecord.ENABLED, now,
                r.kmsKeyIdentifier(), scope.accountId() + "/" + scope.region() + "/" + r.archiveName() + "-" + now);
        synchronized (writeLock) {
            if (archives.putIfAbsent(scope.key(r.archiveName()), archive).isPresent()) {
                throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                        "Archive " + r.archiveName() + " already exists.");
            }
            try {
                putManagedRule(scope, archive);
            } catch (AwsException e) {
                archives.remove(scope.key(r.archiveName()));  // the bus is full of rules: no archive either
                throw e;
            }
            ingest.rebuild();
        }
        return CreateArchiveResponse.builder().archiveArn(arn(scope, archive.name())).state(archive.state())
                .creationTime(Instant.ofEpochMilli(now)).build();
    }

    /**
     * The rule EventBridge generates for an archive, as its user guide describes it ("the managed rule EventBridge
     * generated for the archive", deleted with the archive): {@code Events-Archive-<name>} on the archive's bus,
     * ManagedBy {@value #MANAGED_BY}, matching the archive's pattern except replayed events, with one target that
     * stands for the archive. Changing it is refused with ManagedRuleException; archiving itself is done by
     * {@link ArchiveIngest}, not by delivering to that target. Caller holds {@link #writeLock}.
     */
    private void putManagedRule(Scope scope, ArchiveRecord archive) {
        ObjectNode pattern = archive.eventPattern() == null ? JSON.createObjectNode()
                : (ObjectNode) readPattern(archive.eventPattern());
        pattern.putArray("replay-name").addObject().put("exists", false);
        String name = MANAGED_RULE_PREFIX + archive.name();
        ObjectNode template = JSON.createObjectNode();
        template.put("archive-arn", arn(scope, archive.name()));
        template.put("event", "<aws.events.event.json>");
        template.put("ingestion-time", "<aws.events.event.ingestion-time>");
        Target target = new Target(name, "arn:" + Arn.partitionOf(scope.region()) + ":events:" + scope.region()
                + ":::", null, null, null, new Target.InputTransformer(Map.of(), template.toString()), null, null,
                null, null, null);
        rules.putManagedRule(scope, archive.busName(), name, pattern.toString(), MANAGED_BY, target);
    }

    private static JsonNode readPattern(String pattern) {
        try {
            return JSON.readTree(pattern);
        } catch (IOException e) {
            throw new IllegalStateException("a stored archive pattern is not JSON", e);
        }
    }

    DescribeArchiveResponse describeArchive(RequestContext context, DescribeArchiveRequest r) {
        ArchiveValidation.archiveName(new Violations(), "archiveName", r.archiveName(), true)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        ArchiveRecord archive = existing(context.scope(), r.archiveName());
        ArchiveLogs.Open log = logs.get(archive.directory());
        return ArchiveViews.described(arn(context.scope(), archive.name()), archive, log.count.get(), log.bytes.get());
    }

    UpdateArchiveResponse updateArchive(RequestContext context, UpdateArchiveRequest r) {
        Violations v = ArchiveValidation.archiveName(new Violations(), "archiveName", r.archiveName(), true);
        ArchiveValidation.archiveSettings(v, r.description(), r.eventPattern(), r.retentionDays(),
                r.kmsKeyIdentifier()).throwIfAny(AwsError.EVENTS_VALIDATION);
        if (r.eventPattern() != null) {
            EventPattern.compile(r.eventPattern());
        }
        Scope scope = context.scope();
        ArchiveRecord updated;
        synchronized (writeLock) {
            updated = existing(scope, r.archiveName())
                    .updated(r.description(), r.eventPattern(), r.retentionDays(), r.kmsKeyIdentifier());
            archives.put(scope.key(r.archiveName()), updated);
            putManagedRule(scope, updated);
            ingest.rebuild();
        }
        return UpdateArchiveResponse.builder().archiveArn(arn(scope, updated.name())).state(updated.state())
                .creationTime(Instant.ofEpochMilli(updated.creationTimeMillis())).build();
    }

    DeleteArchiveResponse deleteArchive(RequestContext context, DeleteArchiveRequest r) {
        ArchiveValidation.archiveName(new Violations(), "archiveName", r.archiveName(), true)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        synchronized (writeLock) {
            ArchiveRecord archive = existing(scope, r.archiveName());
            archives.remove(scope.key(r.archiveName()));
            rules.deleteManagedRule(scope, archive.busName(), MANAGED_RULE_PREFIX + archive.name());
            ingest.rebuild();
            logs.delete(archive.directory());
        }
        return DeleteArchiveResponse.builder().build();
    }

    ListArchivesResponse listArchives(RequestContext context, ListArchivesRequest r) {
        Violations v = ArchiveValidation.archiveName(new Violations(), "namePrefix", r.namePrefix(), false);
        ArchiveValidation.eventsArn(v, "eventSourceArn", r.eventSourceArn())
                .oneOf("state", r.stateAsString(), ArchiveValidation.ARCHIVE_STATES);
        ArchiveValidation.page(v, r.nextToken(), r.limit()).throwIfAny(AwsError.EVENTS_VALIDATION);
        ArchiveValidation.oneFilter("ListArchives", r.namePrefix(), r.eventSourceArn(), r.stateAsString());
        Scope scope = context.scope();
        if (r.eventSourceArn() != null) {
            existingBus(scope, r.eventSourceArn());
        }
        Listing<ArchiveRecord> page = Listing.page(archives.view(), scope.keyPrefix(), r.nextToken(), r.limit(),
                pageTokens, a -> (r.namePrefix() == null || a.name().startsWith(r.namePrefix()))
                        && (r.eventSourceArn() == null || a.eventSourceArn().equals(r.eventSourceArn()))
                        && (r.stateAsString() == null || a.state().equals(r.stateAsString())));
        ListArchivesResponse.Builder response = ListArchivesResponse.builder().archives(page.items().stream()
                .map(a -> {
                    ArchiveLogs.Open log = logs.get(a.directory());
                    return ArchiveViews.listed(a, log.count.get(), log.bytes.get());
                }).toList());
        page.nextToken().ifPresent(response::nextToken);
        return response.build();
    }

    /** Retention: deletes the events of every archive with a retention period that arrived before its cutoff. */
    void expire() {
        long now = clock.millis();
        for (ArchiveRecord archive : archives.view().values()) {
            if (archive.retentionDays() > 0) {
                logs.expire(archive.directory(), now - Duration.ofDays(archive.retentionDays()).toMillis());
            }
        }
    }

    ArchiveRecord existing(Scope scope, String name) {
        return archives.get(scope.key(name)).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Archive " + name + " does not exist."));
    }

    /** The name of the bus an events ARN names in the caller's scope, or AWS's not-found answer. */
    String existingBus(Scope scope, String busArn) {
        int slash = busArn.indexOf(":event-bus/");
        String name = slash < 0 ? busArn.substring(busArn.lastIndexOf('/') + 1)
                : busArn.substring(slash + ":event-bus/".length());
        boolean ours = slash >= 0 && Arn.parse(busArn).map(arn -> arn.scope().equals(scope)).orElse(false);
        if (!ours || !buses.exists(scope, name)) {
            throw new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus " + name + " does not exist.");
        }
        return name;
    }

    static String arn(Scope scope, String name) {
        return scope.arn("events", "archive/" + name).toString();
    }
}
