package io.watchpost.events.archive;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.Violations;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysRequest;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.StartReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;

/**
 * StartReplay, DescribeReplay, CancelReplay and ListReplays. StartReplay only records the replay (STARTING); the
 * {@link ReplayRunner} moves it on from the scheduler. Changes are serialized on the archive service's lock.
 */
final class ReplayOperations {
    private final ArchiveService archives;
    final StateTable<ReplayRecord> replays;
    private final ReplayRunner runner;

    ReplayOperations(ArchiveService archives, StateJournal journal, EventRulesService rules, Scheduler scheduler) {
        this.archives = archives;
        this.replays = journal.table("events.replays", ReplayRecord.class);
        this.runner = new ReplayRunner(archives, replays, rules, scheduler);
    }

    ApiHandlers handlers() {
        return ApiHandlers.builder()
                .on(StartReplayRequest.class, this::startReplay)
                .on(DescribeReplayRequest.class, this::describeReplay)
                .on(CancelReplayRequest.class, this::cancelReplay)
                .on(ListReplaysRequest.class, this::listReplays)
                .build();
    }

    void afterReset() {
        runner.afterReset();
    }

    StartReplayResponse startReplay(RequestContext context, StartReplayRequest r) {
        validate(r);
        Scope scope = context.scope();
        ReplayDestination destination = r.destination();
        if (!destination.arn().contains(":event-bus/")
                || !ArchiveValidation.EVENTS_ARN.matcher(destination.arn()).matches()) {
            throw ArchiveValidation.invalidParameter("Destination.Arn", "Must contain an event bus ARN.");
        }
        String bus = archives.existingBus(scope, destination.arn());
        String archiveName = r.eventSourceArn().substring(r.eventSourceArn().lastIndexOf('/') + 1);
        ArchiveRecord archive = archives.archives.get(scope.key(archiveName))
                .filter(a -> ArchiveService.arn(scope, a.name()).equals(r.eventSourceArn()))
                .orElseThrow(() -> ArchiveValidation.invalidParameter("EventSourceArn",
                        "Archive " + archiveName + " does not exist."));
        if (!archive.busName().equals(bus)) {
            throw ArchiveValidation.invalidParameter("Destination.Arn", "Cross event bus replay is not permitted.");
        }
        if (!r.eventStartTime().isBefore(r.eventEndTime())) {
            throw ArchiveValidation.invalidParameter("EventEndTime", "EventStartTime must be before EventEndTime.");
        }
        long now = archives.clock.millis();
        ReplayRecord replay = new ReplayRecord(r.replayName(), r.description(), r.eventSourceArn(), archiveName,
                r.eventStartTime().toEpochMilli(), r.eventEndTime().toEpochMilli(), destination.arn(), bus,
                destination.hasFilterArns() ? destination.filterArns() : List.of(), ReplayRecord.STARTING, null, now,
                null, null, 0, archives.logs.nextOffset(archive.directory()));
        synchronized (archives.writeLock) {
            if (replays.putIfAbsent(scope.key(r.replayName()), replay).isPresent()) {
                throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                        "Replay " + r.replayName() + " already exists.");
            }
        }
        runner.track(scope.key(r.replayName()));
        return StartReplayResponse.builder().replayArn(arn(scope, r.replayName())).state(replay.state())
                .replayStartTime(Instant.ofEpochMilli(now)).build();
    }

    DescribeReplayResponse describeReplay(RequestContext context, DescribeReplayRequest r) {
        ArchiveValidation.replayName(new Violations(), "replayName", r.replayName(), true)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        return ArchiveViews.described(arn(context.scope(), r.replayName()), existing(context.scope(), r.replayName()));
    }

    CancelReplayResponse cancelReplay(RequestContext context, CancelReplayRequest r) {
        ArchiveValidation.replayName(new Violations(), "replayName", r.replayName(), true)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        synchronized (archives.writeLock) {
            ReplayRecord replay = existing(scope, r.replayName());
            if (!replay.state().equals(ReplayRecord.STARTING) && !replay.state().equals(ReplayRecord.RUNNING)) {
                throw new AwsException(AwsError.EVENTS_ILLEGAL_STATUS,
                        "Replay " + r.replayName() + " is not in a valid state for this operation.");
            }
            replays.put(scope.key(r.replayName()), replay.withState(ReplayRecord.CANCELLING, null, null));
        }
        return CancelReplayResponse.builder().replayArn(arn(scope, r.replayName())).state(ReplayRecord.CANCELLING)
                .build();
    }

    ListReplaysResponse listReplays(RequestContext context, ListReplaysRequest r) {
        Violations v = ArchiveValidation.replayName(new Violations(), "namePrefix", r.namePrefix(), false)
                .oneOf("state", r.stateAsString(), ArchiveValidation.REPLAY_STATES);
        ArchiveValidation.eventsArn(v, "eventSourceArn", r.eventSourceArn());
        ArchiveValidation.page(v, r.nextToken(), r.limit()).throwIfAny(AwsError.EVENTS_VALIDATION);
        ArchiveValidation.oneFilter("ListReplays", r.namePrefix(), r.eventSourceArn(), r.stateAsString());
        Listing<ReplayRecord> page = Listing.page(replays.view(), context.scope().keyPrefix(), r.nextToken(),
                r.limit(), archives.pageTokens, x -> (r.namePrefix() == null || x.name().startsWith(r.namePrefix()))
                        && (r.eventSourceArn() == null || x.eventSourceArn().equals(r.eventSourceArn()))
                        && (r.stateAsString() == null || x.state().equals(r.stateAsString())));
        ListReplaysResponse.Builder response = ListReplaysResponse.builder()
                .replays(page.items().stream().map(ArchiveViews::listed).toList());
        page.nextToken().ifPresent(response::nextToken);
        return response.build();
    }

    private static void validate(StartReplayRequest r) {
        Violations v = ArchiveValidation.replayName(new Violations(), "replayName", r.replayName(), true)
                .length("description", r.description(), 0, 512);
        ArchiveValidation.eventsArn(v.required("eventSourceArn", r.eventSourceArn()), "eventSourceArn",
                r.eventSourceArn());
        v.required("eventStartTime", r.eventStartTime()).required("eventEndTime", r.eventEndTime())
                .required("destination", r.destination());
        if (r.destination() != null) {
            v.required("destination.arn", r.destination().arn()).length("destination.arn", r.destination().arn(), 1, 1600);
            List<String> filters = r.destination().hasFilterArns() ? r.destination().filterArns() : List.of();
            for (int i = 0; i < filters.size(); i++) {
                v.required("destination.filterArns." + (i + 1) + ".member", filters.get(i))
                        .length("destination.filterArns." + (i + 1) + ".member", filters.get(i), 1, 1600);
            }
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    private ReplayRecord existing(Scope scope, String name) {
        return replays.get(scope.key(name)).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Replay " + name + " does not exist."));
    }

    static String arn(Scope scope, String name) {
        return scope.arn("events", "replay/" + name).toString();
    }
}
