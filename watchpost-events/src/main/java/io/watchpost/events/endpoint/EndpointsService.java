package io.watchpost.events.endpoint;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.events.Violations;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.CreateEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEndpointResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEndpointResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.eventbridge.model.EndpointEventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEndpointsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEndpointsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateEndpointRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateEndpointResponse;

/**
 * EventBridge global endpoints ({@code events}): CreateEndpoint, DescribeEndpoint, UpdateEndpoint, DeleteEndpoint,
 * ListEndpoints. Endpoints are stored and described (state {@code ACTIVE} at once: there is no Route 53 failover to
 * set up); events are not routed through them. Stored in the {@code events.endpoints} state table.
 *
 * <p><b>Thread-safety:</b> writes are serialized on one lock; reads are lock-free. Durable before answering.
 */
public final class EndpointsService implements WatchpostService {
    static final int DEFAULT_LIMIT = 100;
    static final String ACTIVE = "ACTIVE";

    private final StateTable<EndpointRecord> endpoints;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final RandomGenerator random;
    private final Object writeLock = new Object();
    private final ApiHandlers handlers;

    /** {@code random} makes endpoint ids; tests pass a seeded one. */
    public EndpointsService(StateJournal journal, Clock clock, PageTokens pageTokens, RandomGenerator random) {
        this.endpoints = requireNonNull(journal, "journal is null").table("events.endpoints", EndpointRecord.class);
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.random = requireNonNull(random, "random is null");
        this.handlers = ApiHandlers.builder()
                .on(CreateEndpointRequest.class, this::create)
                .on(DescribeEndpointRequest.class, this::describe)
                .on(UpdateEndpointRequest.class, this::update)
                .on(DeleteEndpointRequest.class, this::delete)
                .on(ListEndpointsRequest.class, this::list)
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

    CreateEndpointResponse create(RequestContext context, CreateEndpointRequest r) {
        EndpointValidation.configuration(r.name(), r.description(), r.routingConfig(), r.replicationConfig(),
                r.hasEventBuses() ? r.eventBuses() : null, r.roleArn(), true);
        Scope scope = context.scope();
        long now = clock.millis();
        var failover = r.routingConfig().failoverConfig();
        EndpointRecord record = new EndpointRecord(r.name(), r.description(), failover.primary().healthCheck(),
                failover.secondary().route(), replicationState(r.replicationConfig() == null ? null
                        : r.replicationConfig().stateAsString(), "ENABLED"),
                arns(r.eventBuses()), r.roleArn(), EndpointViews.newId(random), ACTIVE, now, now);
        synchronized (writeLock) {
            if (endpoints.putIfAbsent(scope.key(r.name()), record).isPresent()) {
                throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                        "Endpoint " + r.name() + " already exists.");
            }
        }
        return EndpointViews.created(scope, record);
    }

    DescribeEndpointResponse describe(RequestContext context, DescribeEndpointRequest r) {
        Violations v = EndpointValidation.name(new Violations(), "name", r.name(), true);
        homeRegion(v, r.homeRegion()).throwIfAny(AwsError.EVENTS_VALIDATION);
        return EndpointViews.described(context.scope(), existing(context.scope(), r.name()));
    }

    UpdateEndpointResponse update(RequestContext context, UpdateEndpointRequest r) {
        EndpointValidation.configuration(r.name(), r.description(), r.routingConfig(), r.replicationConfig(),
                r.hasEventBuses() ? r.eventBuses() : null, r.roleArn(), false);
        Scope scope = context.scope();
        EndpointRecord updated;
        synchronized (writeLock) {
            EndpointRecord old = existing(scope, r.name());
            var failover = r.routingConfig() == null ? null : r.routingConfig().failoverConfig();
            updated = new EndpointRecord(old.name(), r.description() != null ? r.description() : old.description(),
                    failover != null ? failover.primary().healthCheck() : old.healthCheck(),
                    failover != null ? failover.secondary().route() : old.route(),
                    replicationState(r.replicationConfig() == null ? null : r.replicationConfig().stateAsString(),
                            old.replicationState()),
                    r.hasEventBuses() ? arns(r.eventBuses()) : old.eventBusArns(),
                    r.roleArn() != null ? r.roleArn() : old.roleArn(), old.endpointId(), ACTIVE,
                    old.creationMillis(), clock.millis());
            endpoints.put(scope.key(r.name()), updated);
        }
        return EndpointViews.updated(scope, updated);
    }

    DeleteEndpointResponse delete(RequestContext context, DeleteEndpointRequest r) {
        EndpointValidation.name(new Violations(), "name", r.name(), true).throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        synchronized (writeLock) {
            existing(scope, r.name());
            endpoints.remove(scope.key(r.name()));
        }
        return DeleteEndpointResponse.builder().build();
    }

    ListEndpointsResponse list(RequestContext context, ListEndpointsRequest r) {
        Violations v = EndpointValidation.name(new Violations(), "namePrefix", r.namePrefix(), false);
        homeRegion(v, r.homeRegion()).length("nextToken", r.nextToken(), 1, 2048)
                .range("maxResults", r.maxResults(), 1, 100).throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String after = r.nextToken() == null ? null : pageTokens.decode(r.nextToken()).orElseThrow(() ->
                new AwsException(AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
        int limit = r.maxResults() == null ? DEFAULT_LIMIT : r.maxResults();
        ListEndpointsResponse.Builder response = ListEndpointsResponse.builder();
        List<EndpointRecord> page = new ArrayList<>();
        if (r.homeRegion() == null || r.homeRegion().equals(scope.region())) {
            String prefix = scope.key(r.namePrefix() == null ? "" : r.namePrefix());
            var candidates = after == null ? endpoints.view().tailMap(prefix, true)
                    : endpoints.view().tailMap(scope.key(after), false);
            for (Map.Entry<String, EndpointRecord> entry : candidates.entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    break;
                }
                if (page.size() == limit) {
                    response.nextToken(pageTokens.encode(page.get(page.size() - 1).name()));
                    break;
                }
                page.add(entry.getValue());
            }
        }
        return response.endpoints(page.stream().map(e -> EndpointViews.listed(scope, e)).toList()).build();
    }

    private EndpointRecord existing(Scope scope, String name) {
        return endpoints.get(scope.key(name)).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Endpoint " + name + " does not exist."));
    }

    private static Violations homeRegion(Violations v, String homeRegion) {
        return v.length("homeRegion", homeRegion, 9, 20).pattern("homeRegion", homeRegion,
                EndpointValidation.HOME_REGION);
    }

    private static String replicationState(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    private static List<String> arns(List<EndpointEventBus> buses) {
        return buses.stream().map(EndpointEventBus::eventBusArn).toList();
    }
}
