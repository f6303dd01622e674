package io.watchpost.events.partner;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.ActivateEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ActivateEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.CreatePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.CreatePartnerEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.DeactivateEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DeactivateEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.DeletePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DeletePartnerEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribePartnerEventSourceRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribePartnerEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.ListEventSourcesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventSourcesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourceAccountsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourceAccountsResponse;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourcesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListPartnerEventSourcesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;

/**
 * Partner event sources ({@code events}). The partner side (CreatePartnerEventSource, DescribePartnerEventSource,
 * ListPartnerEventSources, ListPartnerEventSourceAccounts, DeletePartnerEventSource, PutPartnerEvents) is called by
 * the account that creates a source; the customer side (ListEventSources, DescribeEventSource, ActivateEventSource,
 * DeactivateEventSource) by the account it is shared with, which receives the events on a partner bus named after the
 * source (CreateEventBus with EventSourceName). Thread-safe.
 */
public final class PartnerSourcesService implements WatchpostService {
    private static final int DEFAULT_LIMIT = 100;

    private final PartnerSources sources;
    private final PageTokens pageTokens;
    private final PutPartnerEventsOperation putPartnerEvents;
    private final ApiHandlers handlers;

    /** {@code events} delivers a partner's events to the partner bus of the account a source is shared with. */
    public PartnerSourcesService(PartnerSources sources, PageTokens pageTokens, PartnerEventSink events,
            java.util.random.RandomGenerator random) {
        this.sources = requireNonNull(sources, "sources is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.putPartnerEvents = new PutPartnerEventsOperation(sources, events, random);
        this.handlers = ApiHandlers.builder()
                .on(CreatePartnerEventSourceRequest.class, this::createPartnerEventSource)
                .on(DescribePartnerEventSourceRequest.class, this::describePartnerEventSource)
                .on(ListPartnerEventSourcesRequest.class, this::listPartnerEventSources)
                .on(ListPartnerEventSourceAccountsRequest.class, this::listPartnerEventSourceAccounts)
                .on(DeletePartnerEventSourceRequest.class, this::deletePartnerEventSource)
                .on(PutPartnerEventsRequest.class, putPartnerEvents::put)
                .on(ListEventSourcesRequest.class, this::listEventSources)
                .on(DescribeEventSourceRequest.class, this::describeEventSource)
                .on(ActivateEventSourceRequest.class, (ctx, r) -> {
                    transition(ctx.scope(), r.name(), PartnerSourceRecord.PENDING, PartnerSourceRecord.ACTIVE);
                    return ActivateEventSourceResponse.builder().build();
                })
                .on(DeactivateEventSourceRequest.class, (ctx, r) -> {
                    transition(ctx.scope(), r.name(), PartnerSourceRecord.ACTIVE, PartnerSourceRecord.PENDING);
                    return DeactivateEventSourceResponse.builder().build();
                })
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

    CreatePartnerEventSourceResponse createPartnerEventSource(RequestContext context,
            CreatePartnerEventSourceRequest request) {
        PartnerValidation.nameAndAccount(request.name(), request.account());
        Scope scope = context.scope();
        synchronized (sources.writeLock) {
            long now = sources.now();
            Optional<PartnerSourceRecord> existing = sources.get(scope.region(), request.name());
            if (existing.isPresent() && existing.get().customerState(now,
                    sources.busExists(new Scope(existing.get().account(), scope.region()), request.name())).isPresent()) {
                throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                        "Event source " + request.name() + " already exists.");
            }
            sources.put(scope.region(), new PartnerSourceRecord(request.name(), scope.accountId(), request.account(),
                    now, PartnerSourceRecord.PENDING, now));
        }
        return CreatePartnerEventSourceResponse.builder()
                .eventSourceArn(PartnerSources.arn(scope.region(), request.name())).build();
    }

    DescribePartnerEventSourceResponse describePartnerEventSource(RequestContext context,
            DescribePartnerEventSourceRequest request) {
        PartnerValidation.nameOnly(request.name());
        PartnerSourceRecord source = owned(context.scope(), request.name());
        return DescribePartnerEventSourceResponse.builder()
                .arn(PartnerSources.arn(context.scope().region(), source.name())).name(source.name()).build();
    }

    ListPartnerEventSourcesResponse listPartnerEventSources(RequestContext context,
            ListPartnerEventSourcesRequest request) {
        PartnerValidation.partnerPrefix(request.namePrefix(), request.nextToken(), request.limit());
        Scope scope = context.scope();
        long now = sources.now();
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<PartnerSourceRecord> page = sources.list(scope.region(), request.namePrefix(), after(request.nextToken()),
                s -> s.partnerAccount().equals(scope.accountId()) && s.live(now));
        ListPartnerEventSourcesResponse.Builder response = ListPartnerEventSourcesResponse.builder()
                .partnerEventSources(page.stream().limit(limit)
                        .map(s -> PartnerViews.partnerSource(scope.region(), s)).toList());
        if (page.size() > limit) {
            response.nextToken(pageTokens.encode(page.get(limit - 1).name()));
        }
        return response.build();
    }

    /** A source has one account; its list has that one entry (AWS pages it like any list). */
    ListPartnerEventSourceAccountsResponse listPartnerEventSourceAccounts(RequestContext context,
            ListPartnerEventSourceAccountsRequest request) {
        PartnerValidation.accounts(request.eventSourceName(), request.nextToken(), request.limit());
        after(request.nextToken());
        PartnerSourceRecord source = owned(context.scope(), request.eventSourceName());
        List<software.amazon.awssdk.services.eventbridge.model.PartnerEventSourceAccount> accounts =
                request.nextToken() == null ? List.of(PartnerViews.account(source)) : List.of();
        return ListPartnerEventSourceAccountsResponse.builder().partnerEventSourceAccounts(accounts).build();
    }

    /**
     * Deleting a source leaves it DELETED for the account it was shared with while that account still has its partner
     * bus, and removes it otherwise. Deleting a source that does not exist succeeds (the operation has no
     * ResourceNotFoundException).
     */
    DeletePartnerEventSourceResponse deletePartnerEventSource(RequestContext context,
            DeletePartnerEventSourceRequest request) {
        PartnerValidation.nameAndAccount(request.name(), request.account());
        Scope scope = context.scope();
        synchronized (sources.writeLock) {
            Optional<PartnerSourceRecord> source = sources.get(scope.region(), request.name())
                    .filter(s -> s.partnerAccount().equals(scope.accountId()) && s.account().equals(request.account()));
            if (source.isPresent()) {
                if (sources.busExists(new Scope(request.account(), scope.region()), request.name())) {
                    sources.put(scope.region(), source.get().withState(PartnerSourceRecord.DELETED, sources.now()));
                } else {
                    sources.remove(scope.region(), request.name());
                }
            }
        }
        return DeletePartnerEventSourceResponse.builder().build();
    }

    ListEventSourcesResponse listEventSources(RequestContext context, ListEventSourcesRequest request) {
        PartnerValidation.sourcePrefix(request.namePrefix(), request.nextToken(), request.limit());
        Scope scope = context.scope();
        long now = sources.now();
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<PartnerSourceRecord> page = sources.list(scope.region(), request.namePrefix(), after(request.nextToken()),
                s -> s.account().equals(scope.accountId())
                        && s.customerState(now, sources.busExists(scope, s.name())).isPresent());
        ListEventSourcesResponse.Builder response = ListEventSourcesResponse.builder()
                .eventSources(page.stream().limit(limit).map(s -> PartnerViews.eventSource(scope.region(), s,
                        s.customerState(now, sources.busExists(scope, s.name())).orElseThrow())).toList());
        if (page.size() > limit) {
            response.nextToken(pageTokens.encode(page.get(limit - 1).name()));
        }
        return response.build();
    }

    DescribeEventSourceResponse describeEventSource(RequestContext context, DescribeEventSourceRequest request) {
        PartnerValidation.nameOnly(request.name());
        Scope scope = context.scope();
        PartnerSourceRecord source = sources.shared(scope, request.name());
        // One clock reading: a source that expires between two readings is not found, never a failure.
        String state = source.customerState(sources.now(), sources.busExists(scope, source.name()))
                .orElseThrow(() -> PartnerSources.notFound(request.name()));
        return PartnerViews.described(scope.region(), source, state);
    }

    /** ActivateEventSource (PENDING to ACTIVE) and DeactivateEventSource (ACTIVE to PENDING). */
    private void transition(Scope scope, String name, String from, String to) {
        PartnerValidation.nameOnly(name);
        synchronized (sources.writeLock) {
            PartnerSourceRecord source = sources.shared(scope, name);
            String state = source.customerState(sources.now(), sources.busExists(scope, name)).orElseThrow();
            if (!state.equals(from)) {
                throw new AwsException(AwsError.EVENTS_INVALID_STATE,
                        "Event source " + name + " is in state " + state + ".");
            }
            sources.put(scope.region(), source.withState(to, sources.now()));
        }
    }

    /** A live source the caller created, or {@code ResourceNotFoundException}. */
    private PartnerSourceRecord owned(Scope scope, String name) {
        return sources.get(scope.region(), name)
                .filter(s -> s.partnerAccount().equals(scope.accountId()) && s.live(sources.now()))
                .orElseThrow(() -> PartnerSources.notFound(name));
    }

    private String after(String nextToken) {
        return nextToken == null ? null : pageTokens.decode(nextToken).orElseThrow(() -> new AwsException(
                AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
    }
}
