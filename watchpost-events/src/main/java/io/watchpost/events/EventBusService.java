package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionResponse;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusResponse;

/**
 * EventBridge event buses ({@code events}): CreateEventBus, DescribeEventBus, ListEventBuses, UpdateEventBus,
 * DeleteEventBus, PutPermission and RemovePermission.
 * Every account and region has the {@code default} bus; it is listed and described like any bus but has no record
 * in the state table until something about it changes. Thread-safe: the state table is the only state.
 */
public final class EventBusService implements WatchpostService {
    private static final int DEFAULT_LIMIT = 100;

    private final StateTable<BusRecord> buses;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final ApiHandlers handlers;
    private final PartnerBusLink partners;
    /** Serializes read-modify-write changes of bus records (policy, settings, tags) with deletes. */
    private final Object writeLock = new Object();

    /** Without partner event sources: every partner bus names a source that does not exist. */
    public EventBusService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this(journal, clock, pageTokens, PartnerBusLink.NONE);
    }

    /** Partner buses (CreateEventBus with EventSourceName) attach to the sources in {@code partners}. */
    public EventBusService(StateJournal journal, Clock clock, PageTokens pageTokens, PartnerBusLink partners) {
        this.partners = requireNonNull(partners, "partners is null");
        this.buses = requireNonNull(journal, "journal is null").table("events.buses", BusRecord.class);
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.handlers = ApiHandlers.builder()
                .on(CreateEventBusRequest.class, this::createEventBus)
                .on(DescribeEventBusRequest.class, this::describeEventBus)
                .on(ListEventBusesRequest.class, this::listEventBuses)
                .on(DeleteEventBusRequest.class, this::deleteEventBus)
                .on(PutPermissionRequest.class, this::putPermission)
                .on(RemovePermissionRequest.class, this::removePermission)
                .on(UpdateEventBusRequest.class, this::updateEventBus)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "events";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    CreateEventBusResponse createEventBus(RequestContext context, CreateEventBusRequest request) {
        BusValidation.create(request);
        String name = request.name();
        if (name.equals(BusRecord.DEFAULT)) {
            throw alreadyExists(name);
        }
        long now = clock.millis();
        BusRecord bus = new BusRecord(name, request.description(), request.kmsKeyIdentifier(),
                request.deadLetterConfig() == null ? null : request.deadLetterConfig().arn(),
                request.logConfig() == null ? null : request.logConfig().levelAsString(),
                request.logConfig() == null ? null : request.logConfig().includeDetailAsString(),
                null, tags(request), now, now);
        if (request.eventSourceName() != null) {
            partners.requireShared(context.scope(), request.eventSourceName());
        }
        if (buses.putIfAbsent(context.scope().key(name), bus).isPresent()) {
            throw alreadyExists(name);
        }
        if (request.eventSourceName() != null) {
            partners.busCreated(context.scope(), request.eventSourceName());
        }
        return BusViews.created(context.scope(), bus);
    }

    DescribeEventBusResponse describeEventBus(RequestContext context, DescribeEventBusRequest request) {
        BusValidation.describe(request);
        Scope scope = context.scope();
        String name = nameInScope(scope, request.name() == null ? BusRecord.DEFAULT : request.name());
        BusRecord bus = find(scope, name).orElseThrow(() -> new AwsException(
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus " + name + " does not exist."));
        return BusViews.described(scope, bus);
    }

    ListEventBusesResponse listEventBuses(RequestContext context, ListEventBusesRequest request) {
        BusValidation.list(request);
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        Scope scope = context.scope();
        List<BusRecord> page = new BusListing(buses.view(), scope, request.namePrefix()).page(after, limit + 1);
        ListEventBusesResponse.Builder response = ListEventBusesResponse.builder()
                .eventBuses(page.stream().limit(limit).map(bus -> BusViews.listed(scope, bus)).toList());
        if (page.size() > limit) {
            response.nextToken(pageTokens.encode(page.get(limit - 1).name()));
        }
        return response.build();
    }

    DeleteEventBusResponse deleteEventBus(RequestContext context, DeleteEventBusRequest request) {
        BusValidation.delete(request);
        if (request.name().equals(BusRecord.DEFAULT)) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Cannot delete event bus default.");
        }
        // Deleting a bus that does not exist succeeds, as in EventBridge.
        synchronized (writeLock) {
            if (buses.remove(context.scope().key(request.name()))) {
                partners.busDeleted(context.scope(), request.name());
            }
        }
        return DeleteEventBusResponse.builder().build();
    }

    PutPermissionResponse putPermission(RequestContext context, PutPermissionRequest request) {
        Scope scope = context.scope();
        synchronized (writeLock) {
            BusRecord bus = existing(scope, request.eventBusName());
            String policy = BusPermissions.put(scope, bus.name(), Optional.ofNullable(bus.policy()), request);
            buses.put(scope.key(bus.name()), bus.withPolicy(policy, clock.millis()));
        }
        return PutPermissionResponse.builder().build();
    }

    RemovePermissionResponse removePermission(RequestContext context, RemovePermissionRequest request) {
        Scope scope = context.scope();
        synchronized (writeLock) {
            BusRecord bus = existing(scope, request.eventBusName());
            Optional<String> policy = BusPermissions.remove(Optional.ofNullable(bus.policy()), request);
            buses.put(scope.key(bus.name()), bus.withPolicy(policy.orElse(null), clock.millis()));
        }
        return RemovePermissionResponse.builder().build();
    }

    private BusRecord existing(Scope scope, String nameOrArn) {
        String name = nameOrArn == null ? BusRecord.DEFAULT : nameInScope(scope, nameOrArn);
        return find(scope, name).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Event bus " + name + " does not exist."));
    }

    /**
     * UpdateEventBus: members given replace the bus's settings, members left out keep them. An empty Description or
     * KmsKeyIdentifier clears it (back to no description, an AWS owned key), as does a DeadLetterConfig without Arn.
     */
    UpdateEventBusResponse updateEventBus(RequestContext context, UpdateEventBusRequest request) {
        BusValidation.update(request);
        Scope scope = context.scope();
        BusRecord updated;
        synchronized (writeLock) {
            BusRecord bus = existing(scope, request.name());
            updated = BusUpdates.apply(bus, request, clock.millis());
            buses.put(scope.key(bus.name()), updated);
        }
        return BusViews.updated(scope, updated);
    }

    /** Tags of the buses in the {@code events.buses} table, for TagResource and friends. */
    public TagStore tagStore() {
        return new TagStore() {
            @Override
            public Map<String, String> tags(Scope scope, String name) {
                return find(scope, name).orElseThrow(() -> notFound(name)).tags();
            }

            @Override
            public void update(Scope scope, String name, UnaryOperator<Map<String, String>> change) {
                synchronized (writeLock) {
                    BusRecord bus = find(scope, name).orElseThrow(() -> notFound(name));
                    buses.put(scope.key(name), bus.withTags(change.apply(bus.tags())));
                }
            }

            @Override
            public AwsException notFound(String name) {
                return new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus " + name + " does not exist.");
            }
        };
    }

    private Optional<BusRecord> find(Scope scope, String name) {
        Optional<BusRecord> stored = buses.get(scope.key(name));
        if (stored.isEmpty() && name.equals(BusRecord.DEFAULT)) {
            return Optional.of(BusRecord.implicitDefault());
        }
        return stored;
    }

    /** A bus ARN names a bus only in the caller's own account and region; anything else names no bus here. */
    private static String nameInScope(Scope scope, String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String name = nameOrArn.substring(nameOrArn.indexOf(":event-bus/") + ":event-bus/".length());
        Arn arn = Arn.parse(nameOrArn).orElseThrow();
        if (!arn.scope().equals(scope)) {
            throw new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus " + name + " does not exist.");
        }
        return name;
    }

    private static Map<String, String> tags(CreateEventBusRequest request) {
        return request.hasTags() ? Tags.merged(Map.of(), request.tags()) : Map.of();
    }

    private static AwsException alreadyExists(String name) {
        return new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS, "Event bus " + name + " already exists.");
    }
}
