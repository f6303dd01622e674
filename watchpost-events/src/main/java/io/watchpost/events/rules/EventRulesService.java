package io.watchpost.events.rules;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.events.BusDirectory;
import io.watchpost.events.BusPolicy;
import io.watchpost.events.TagStore;
import io.watchpost.events.Tags;
import io.watchpost.events.Violations;
import io.watchpost.events.pattern.EventPattern;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.core.port.MetricSink;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.targets.DeliverySink;
import io.watchpost.events.targets.DurableDeliveries;
import io.watchpost.events.targets.Target;
import io.watchpost.store.outbox.PermanentFailureException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;

/**
 * EventBridge rules, targets and events ({@code events}): PutRule, DescribeRule, EnableRule, DisableRule,
 * DeleteRule, ListRules, ListRuleNamesByTarget, PutTargets, RemoveTargets, ListTargetsByRule, PutEvents and
 * TestEventPattern. Rules (with their targets) persist in the {@code events.rules} state table; the enabled
 * event-pattern rules are also compiled into a partitioned {@link RuleIndex}, rebuilt from the table at startup.
 *
 * <p><b>Thread-safety:</b> reads are lock-free; rule changes are serialized on one lock so that the table and the
 * index change in the same order. A change is durable (journal) before the index sees it.
 */
public final class EventRulesService implements WatchpostService {
    static final int MAX_RULES_PER_BUS = 300;
    static final int DEFAULT_LIMIT = 100;
    private static final System.Logger LOG = System.getLogger(EventRulesService.class.getName());

    final StateTable<RuleRecord> rules;
    final BusResolver buses;
    final RuleIndex index = new RuleIndex();
    final PageTokens pageTokens;
    final Object writeLock = new Object();
    private final TargetOperations targets;
    private final PutEventsOperation putEvents;
    private final RuleSchedules schedules;
    private final ApiHandlers handlers;
    /** Where PutEvents sends its {@code AWS/Events} metrics; {@link MetricSink#NONE} until {@link #metricsTo}. */
    volatile MetricSink metrics = MetricSink.NONE;

    /** Without schedules firing (no scheduler) and with a secure random. */
    public EventRulesService(StateJournal journal, Clock clock, PageTokens pageTokens, DeliverySink deliveries) {
        this(journal, clock, pageTokens, deliveries, new java.security.SecureRandom());
    }

    /** Without schedules firing; {@code random} makes event ids (UUID v4); tests pass a seeded one. */
    public EventRulesService(StateJournal journal, Clock clock, PageTokens pageTokens, DeliverySink deliveries,
            RandomGenerator random) {
        this(journal, clock, pageTokens, deliveries, random, null);
    }

    /**
     * The server's constructor. Schedule rules fire from {@code scheduler} (null: never). When {@code deliveries} is
     * a {@link DurableDeliveries}, its event-bus targets are forwarded to this service.
     */
    public EventRulesService(StateJournal journal, Clock clock, PageTokens pageTokens, DeliverySink deliveries,
            RandomGenerator random, Scheduler scheduler) {
        this.rules = requireNonNull(journal, "journal is null").table("events.rules", RuleRecord.class);
        this.buses = new BusResolver(new BusDirectory(journal));
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.targets = new TargetOperations(this);
        this.putEvents = new PutEventsOperation(this, requireNonNull(clock, "clock is null"),
                requireNonNull(deliveries, "deliveries is null"), requireNonNull(random, "random is null"));
        this.schedules = scheduler == null ? null : new RuleSchedules(scheduler, clock, journal, this::fireSchedule);
        if (deliveries instanceof DurableDeliveries durable) {
            durable.forwardBusesTo(this::forward);
        }
        rebuildIndex();
        this.handlers = ApiHandlers.builder()
                .on(PutRuleRequest.class, this::putRule)
                .on(DescribeRuleRequest.class, this::describeRule)
                .on(EnableRuleRequest.class, (ctx, r) -> {
                    setState(ctx, r.name(), r.eventBusName(), RuleRecord.ENABLED);
                    return EnableRuleResponse.builder().build();
                })
                .on(DisableRuleRequest.class, (ctx, r) -> {
                    setState(ctx, r.name(), r.eventBusName(), RuleRecord.DISABLED);
                    return DisableRuleResponse.builder().build();
                })
                .on(DeleteRuleRequest.class, this::deleteRule)
                .on(ListRulesRequest.class, this::listRules)
                .on(ListRuleNamesByTargetRequest.class, this::listRuleNamesByTarget)
                .on(PutTargetsRequest.class, targets::putTargets)
                .on(RemoveTargetsRequest.class, targets::removeTargets)
                .on(ListTargetsByRuleRequest.class, targets::listTargetsByRule)
                .on(PutEventsRequest.class, putEvents::putEvents)
                .on(TestEventPatternRequest.class, (ctx, r) -> TestPatternOperation.test(ctx, r))
                .build();
    }

    /**
     * Sends PutEvents' {@code AWS/Events} metrics (PutEventsApproximateCallCount / SuccessCount / FailedCount,
     * PutEventsEntriesCount, PutEventsFailedEntriesCount, PutEventsRequestSize, MatchedEvents, TriggeredRules,
     * InvocationsCreated) to {@code sink}: one batch per call. Default: none.
     */
    public void metricsTo(MetricSink sink) {
        this.metrics = requireNonNull(sink, "sink is null");
    }

    /** Told of every event PutEvents accepted on a bus (archives listen); replayed events are not reported. */
    public interface AcceptedEventListener {
        void accepted(Scope scope, String bus, com.fasterxml.jackson.databind.node.ObjectNode event, java.time.Instant at);
    }

    private final List<AcceptedEventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers a listener called on the PutEvents thread after each accepted entry, before the answer. */
    public void onAcceptedEvent(AcceptedEventListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    void accepted(Scope scope, String bus, com.fasterxml.jackson.databind.node.ObjectNode event, java.time.Instant at) {
        for (AcceptedEventListener listener : listeners) {
            listener.accepted(scope, bus, event, at);
        }
    }

    /**
     * Re-injects an event (a replay) into {@code bus}: it meets only enabled rules whose ARN is in {@code ruleArns}
     * (all rules of the bus when empty) and is not reported to listeners. False when the delivery queue refused it.
     */
    public boolean reinject(Scope scope, String bus, com.fasterxml.jackson.databind.node.ObjectNode event,
            java.util.Set<String> ruleArns) {
        return putEvents.reinject(scope, bus, event, ruleArns);
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
            rebuildIndex();
        }
    }

    PutRuleResponse putRule(RequestContext context, PutRuleRequest request) {
        RulePutValidation.check(request);
        Scope scope = context.scope();
        EventPattern pattern = request.eventPattern() == null ? null : EventPattern.compile(request.eventPattern());
        String bus = buses.existing(scope, request.eventBusName());
        String key = RuleKeys.key(scope, bus, request.name());
        synchronized (writeLock) {
            Optional<RuleRecord> existing = rules.get(key);
            existing.ifPresent(r -> refuseManaged(r, "PutRule", false));
            if (existing.isEmpty() && busRules(scope, bus).size() >= MAX_RULES_PER_BUS) {
                throw new AwsException(AwsError.EVENTS_LIMIT_EXCEEDED,
                        "The requested resource exceeds the maximum number allowed.");
            }
            RuleRecord rule = new RuleRecord(request.name(), bus, request.eventPattern(), request.scheduleExpression(),
                    request.state() == null ? RuleRecord.ENABLED : request.stateAsString(), request.description(),
                    request.roleArn(), scope.accountId(), tags(existing, request),
                    existing.map(RuleRecord::targets).orElse(List.of()), null);
            rules.put(key, rule);
            reindex(key, scope, rule, pattern);
        }
        return PutRuleResponse.builder().ruleArn(RuleKeys.arn(scope, bus, request.name())).build();
    }

    DescribeRuleResponse describeRule(RequestContext context, DescribeRuleRequest request) {
        RuleValidation.ruleOnBus(request.name(), request.eventBusName());
        return RuleViews.described(context.scope(), existingRule(context.scope(), request.name(), request.eventBusName()));
    }

    void setState(RequestContext context, String name, String busNameOrArn, String state) {
        RuleValidation.ruleOnBus(name, busNameOrArn);
        Scope scope = context.scope();
        synchronized (writeLock) {
            RuleRecord rule = existingRule(scope, name, busNameOrArn);
            refuseManaged(rule, state.equals(RuleRecord.DISABLED) ? "DisableRule" : "EnableRule", false);
            rule = rule.withState(state);
            String key = RuleKeys.key(scope, rule.eventBusName(), name);
            rules.put(key, rule);
            reindex(key, scope, rule, null);
        }
    }

    DeleteRuleResponse deleteRule(RequestContext context, DeleteRuleRequest request) {
        RuleValidation.ruleOnBus(request.name(), request.eventBusName());
        Scope scope = context.scope();
        String bus = buses.existing(scope, request.eventBusName());
        String key = RuleKeys.key(scope, bus, request.name());
        synchronized (writeLock) {
            Optional<RuleRecord> rule = rules.get(key);
            // Deleting a rule that does not exist succeeds, as in EventBridge.
            if (rule.isPresent()) {
                refuseManaged(rule.get(), "DeleteRule", Boolean.TRUE.equals(request.force()));
                if (!rule.get().targets().isEmpty() && !Boolean.TRUE.equals(request.force())) {
                    throw new AwsException(AwsError.EVENTS_VALIDATION, "Rule can't be deleted since it has targets.");
                }
                rules.remove(key);
                index.remove(key);
                if (schedules != null) {
                    schedules.sync(key, scope, null);
                }
            }
        }
        return DeleteRuleResponse.builder().build();
    }

    /**
     * Refuses a change to a rule an AWS service manages, as EventBridge does: DeleteRule and RemoveTargets only with
     * Force; PutRule, EnableRule, DisableRule, PutTargets, TagResource and UntagResource never.
     */
    static void refuseManaged(RuleRecord rule, String operation, boolean force) {
        if (rule.managed() && !force) {
            throw new AwsException(AwsError.EVENTS_MANAGED_RULE, "Rule " + rule.name() + " is managed by "
                    + rule.managedBy() + " and cannot be changed by " + operation
                    + (operation.equals("DeleteRule") || operation.equals("RemoveTargets")
                            ? " unless Force is true." : "."));
        }
    }

    /**
     * Creates or replaces a rule that an AWS service manages for the account (ManagedBy {@code managedBy}), with
     * its one target; the archive service keeps one per archive. Counts toward the bus's rule limit.
     */
    public void putManagedRule(Scope scope, String bus, String name, String eventPattern, String managedBy,
            Target target) {
        EventPattern pattern = EventPattern.compile(eventPattern);
        String key = RuleKeys.key(scope, bus, name);
        synchronized (writeLock) {
            if (rules.get(key).isEmpty() && busRules(scope, bus).size() >= MAX_RULES_PER_BUS) {
                throw new AwsException(AwsError.EVENTS_LIMIT_EXCEEDED,
                        "The requested resource exceeds the maximum number allowed.");
            }
            RuleRecord rule = new RuleRecord(name, bus, eventPattern, null, RuleRecord.ENABLED, null, null,
                    scope.accountId(), Map.of(), List.of(target), managedBy);
            rules.put(key, rule);
            reindex(key, scope, rule, pattern);
        }
    }

    /** Deletes a managed rule (its service's resource is gone); absent is fine. */
    public void deleteManagedRule(Scope scope, String bus, String name) {
        String key = RuleKeys.key(scope, bus, name);
        synchronized (writeLock) {
            if (rules.get(key).filter(RuleRecord::managed).isPresent()) {
                rules.remove(key);
                index.remove(key);
            }
        }
    }

    ListRulesResponse listRules(RequestContext context, ListRulesRequest request) {
        Violations v = RuleValidation.name(new Violations(), "namePrefix", request.namePrefix(), false);
        RuleValidation.page(RuleValidation.bus(v, "eventBusName", request.eventBusName()),
                request.nextToken(), request.limit()).throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String bus = buses.existing(scope, request.eventBusName());
        String prefix = request.namePrefix() == null ? "" : request.namePrefix();
        NavigableMap<String, RuleRecord> candidates = busRules(scope, bus);
        Page page = Page.of(candidates, RuleKeys.busPrefix(scope, bus), prefix, after(request.nextToken()),
                limit(request.limit()), rule -> true);
        ListRulesResponse.Builder response = ListRulesResponse.builder()
                .rules(page.items().stream().map(rule -> RuleViews.listed(scope, rule)).toList());
        page.last().ifPresent(last -> response.nextToken(pageTokens.encode(last)));
        return response.build();
    }

    ListRuleNamesByTargetResponse listRuleNamesByTarget(RequestContext context, ListRuleNamesByTargetRequest request) {
        Violations v = new Violations().required("targetArn", request.targetArn())
                .length("targetArn", request.targetArn(), 1, 1600);
        RuleValidation.page(RuleValidation.bus(v, "eventBusName", request.eventBusName()),
                request.nextToken(), request.limit()).throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String bus = buses.existing(scope, request.eventBusName());
        Page page = Page.of(busRules(scope, bus), RuleKeys.busPrefix(scope, bus), "",
                after(request.nextToken()), limit(request.limit()),
                rule -> rule.targets().stream().anyMatch(t -> t.arn().equals(request.targetArn())));
        ListRuleNamesByTargetResponse.Builder response = ListRuleNamesByTargetResponse.builder()
                .ruleNames(page.items().stream().map(RuleRecord::name).toList());
        page.last().ifPresent(last -> response.nextToken(pageTokens.encode(last)));
        return response.build();
    }

    /** The rule, or {@code ResourceNotFoundException} naming the rule and its bus as AWS does. */
    RuleRecord existingRule(Scope scope, String name, String busNameOrArn) {
        String bus = buses.existing(scope, busNameOrArn);
        return rules.get(RuleKeys.key(scope, bus, name)).orElseThrow(() -> new AwsException(
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Rule " + name + " does not exist on EventBus " + bus + "."));
    }

    NavigableMap<String, RuleRecord> busRules(Scope scope, String bus) {
        String prefix = RuleKeys.busPrefix(scope, bus);
        return rules.view().subMap(prefix, true, prefix + '\uffff', false);
    }

    String after(String nextToken) {
        return nextToken == null ? null : pageTokens.decode(nextToken).orElseThrow(() -> new AwsException(
                AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
    }

    static int limit(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** Keeps the index in step with a stored rule; {@code compiled} saves compiling a pattern twice. */
    private void reindex(String key, Scope scope, RuleRecord rule, EventPattern compiled) {
        if (schedules != null) {
            schedules.sync(key, scope, rule);
        }
        if (rule.eventPattern() == null || !rule.enabled()) {
            index.remove(key);
            return;
        }
        index.put(key, scope, rule.eventBusName(), compiled != null ? compiled : EventPattern.compile(rule.eventPattern()));
    }

    private void rebuildIndex() {
        index.clear();
        if (schedules != null) {
            schedules.clear();
        }
        rules.view().forEach((key, rule) -> {
            int slash = key.indexOf('/');
            String account = key.substring(0, slash);
            String region = key.substring(slash + 1, key.indexOf('/', slash + 1));
            reindex(key, new Scope(account, region), rule, null);
        });
    }

    /**
     * The {@link EventPublisher} other services use (alarm state changes, CloudTrail API-call events): the event goes
     * through the same matching and delivery as PutEvents. A missing bus or a refused entry is logged and dropped.
     */
    public EventPublisher publisher() {
        return (scope, busName, event) -> {
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source(event.source())
                    .detailType(event.detailType()).detail(event.detailJson()).resources(event.resources())
                    .time(event.time()).eventBusName(busName).build();
            PutEventsResultEntry result = putEvents.putOne(scope, entry);
            if (result.errorCode() != null) {
                LOG.log(System.Logger.Level.WARNING, "event from " + event.source() + " not put on " + busName + ": "
                        + result.errorCode() + " " + result.errorMessage());
            }
        };
    }

    /**
     * Where PutPartnerEvents puts an event for the account a partner source is shared with: the partner bus (named
     * after the source, given as the entry's EventBusName) matches and delivers it as PutEvents would; its
     * {@code aws.partner/} source is allowed.
     */
    public PutEventsResultEntry putPartnerEvent(Scope account, PutEventsRequestEntry entry) {
        return putEvents.putOne(account, entry);
    }

    /**
     * An event-bus target: the delivered event is put on {@code busName} in {@code to}, keeping its source,
     * detail-type, detail, resources and time. Another account's bus takes it only when its policy lets the rule's
     * account call {@code events:PutEvents}; a refusal is not retryable (it goes to the dead-letter queue).
     */
    void forward(Scope from, Scope to, String busName, String eventJson) throws PermanentFailureException {
        var event = EventJson.parse(eventJson).filter(com.fasterxml.jackson.databind.JsonNode::isObject)
                .orElseThrow(() -> new PermanentFailureException("MalformedDetail", "Target input is not an event."));
        var call = new BusPolicy.PutEventsCall(from.accountId(), null, BusPolicy.busArn(to, busName),
                event.path("source").asText(null), event.path("detail-type").asText(null));
        if (!from.accountId().equals(to.accountId())
                && !buses.policy(to, busName).map(policy -> BusPolicy.allowsPutEvents(policy, call)).orElse(false)) {
            throw new PermanentFailureException("AccessDeniedException", "Account " + from.accountId()
                    + " is not authorized to put events on event bus " + busName + ".");
        }
        List<String> resources = new java.util.ArrayList<>();
        event.path("resources").forEach(r -> resources.add(r.asText()));
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source(event.path("source").asText(null))
                .detailType(event.path("detail-type").asText(null)).detail(EventJson.write(event.path("detail")))
                .resources(resources).eventBusName(busName).build();
        PutEventsResultEntry result = putEvents.putOne(to, entry);
        if (result.errorCode() != null) {
            throw new PermanentFailureException(result.errorCode(), result.errorMessage());
        }
    }

    private void fireSchedule(RuleSchedules.Fire fire) {
        rules.get(fire.key()).filter(RuleRecord::enabled).ifPresent(rule ->
                putEvents.fireScheduled(fire.scope(), rule.eventBusName(), rule));
    }

    /** Tags given on update are merged into the rule's tags; AWS keeps a rule's tags across PutRule calls. */
    private static Map<String, String> tags(Optional<RuleRecord> existing, PutRuleRequest request) {
        Map<String, String> current = existing.map(RuleRecord::tags).orElse(Map.of());
        return request.hasTags() ? Tags.merged(current, request.tags()) : current;
    }

    /**
     * Tags of the stored rules, for TagResource and friends. A rule is addressed by its ARN's resource part:
     * {@code NAME} on the default bus, {@code BUS/NAME} on another (rule names contain no '/', bus names may).
     */
    public TagStore tagStore() {
        return new TagStore() {
            @Override
            public Map<String, String> tags(Scope scope, String resource) {
                return rules.get(key(scope, resource)).orElseThrow(() -> notFound(resource)).tags();
            }

            @Override
            public void update(Scope scope, String resource, UnaryOperator<Map<String, String>> change) {
                String key = key(scope, resource);
                synchronized (writeLock) {
                    RuleRecord rule = rules.get(key).orElseThrow(() -> notFound(resource));
                    refuseManaged(rule, "TagResource or UntagResource", false);
                    rules.put(key, rule.withTags(change.apply(rule.tags())));
                }
            }

            @Override
            public AwsException notFound(String resource) {
                int slash = resource.lastIndexOf('/');
                String bus = slash < 0 ? BusResolver.DEFAULT : resource.substring(0, slash);
                return new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Rule " + resource.substring(slash + 1)
                        + " does not exist on EventBus " + bus + ".");
            }

            private static String key(Scope scope, String resource) {
                int slash = resource.lastIndexOf('/');
                String bus = slash < 0 ? BusResolver.DEFAULT : resource.substring(0, slash);
                return RuleKeys.key(scope, bus, resource.substring(slash + 1));
            }
        };
    }
}
