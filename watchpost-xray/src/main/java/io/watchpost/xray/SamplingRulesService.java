package io.watchpost.xray;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import io.watchpost.xray.tagging.TaggedResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.DeleteSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.DeleteSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesResponse;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleResponse;

/**
 * X-Ray sampling rules ({@code xray}): GetSamplingRules, CreateSamplingRule, UpdateSamplingRule,
 * DeleteSamplingRule. Every account and region has the {@code Default} rule; it comes first in listings, cannot be
 * deleted, and has a record in the state table only once it was updated. Writes are serialized so that the rule
 * limit and name uniqueness hold under concurrent calls; the state table is the only state.
 */
public final class SamplingRulesService implements WatchpostService {
    /** Rules an account may create in a region, not counting {@code Default}. */
    static final int RULE_LIMIT = 25;
    private static final int PAGE_SIZE = 100;

    private final StateTable<RuleRecord> rules;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final int pageSize;
    private final ApiHandlers handlers;
    private final Object writeLock = new Object();

    public SamplingRulesService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this(journal, clock, pageTokens, PAGE_SIZE);
    }

    SamplingRulesService(StateJournal journal, Clock clock, PageTokens pageTokens, int pageSize) {
        this.rules = requireNonNull(journal, "journal is null").table("xray.samplingRules", RuleRecord.class);
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.pageSize = pageSize;
        this.handlers = ApiHandlers.builder()
                .on(GetSamplingRulesRequest.class, this::getSamplingRules)
                .on(CreateSamplingRuleRequest.class, this::createSamplingRule)
                .on(UpdateSamplingRuleRequest.class, this::updateSamplingRule)
                .on(DeleteSamplingRuleRequest.class, this::deleteSamplingRule)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "xray";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    GetSamplingRulesResponse getSamplingRules(RequestContext context, GetSamplingRulesRequest request) {
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> RuleValidation.invalid("Invalid NextToken"));
        Scope scope = context.scope();
        List<RuleRecord> page = ordered(scope, after, pageSize + 1);
        GetSamplingRulesResponse.Builder response = GetSamplingRulesResponse.builder()
                .samplingRuleRecords(page.stream().limit(pageSize).map(rule -> RuleViews.record(scope, rule)).toList());
        if (page.size() > pageSize) {
            response.nextToken(pageTokens.encode(page.get(pageSize - 1).name()));
        }
        return response.build();
    }

    CreateSamplingRuleResponse createSamplingRule(RequestContext context, CreateSamplingRuleRequest request) {
        RuleValidation.create(request);
        Scope scope = context.scope();
        RuleRecord rule = newRule(request, clock.millis());
        synchronized (writeLock) {
            if (find(scope, rule.name()).isPresent()) {
                throw RuleValidation.invalid("SamplingRule already exists");
            }
            if (customRuleCount(scope) >= RULE_LIMIT) {
                throw new AwsException(AwsError.XRAY_RULE_LIMIT_EXCEEDED,
                        "You have reached the maximum number of sampling rules.");
            }
            rules.put(scope.key(rule.name()), rule);
        }
        return CreateSamplingRuleResponse.builder().samplingRuleRecord(RuleViews.record(scope, rule)).build();
    }

    UpdateSamplingRuleResponse updateSamplingRule(RequestContext context, UpdateSamplingRuleRequest request) {
        RuleValidation.update(request);
        Scope scope = context.scope();
        String name = RuleUpdates.ruleName(scope, request.samplingRuleUpdate().ruleName(),
                request.samplingRuleUpdate().ruleARN());
        RuleRecord updated;
        synchronized (writeLock) {
            RuleRecord current = find(scope, name).orElseThrow(RuleUpdates::notFound);
            updated = RuleUpdates.apply(current, request.samplingRuleUpdate(), clock.millis());
            rules.put(scope.key(name), updated);
        }
        return UpdateSamplingRuleResponse.builder().samplingRuleRecord(RuleViews.record(scope, updated)).build();
    }

    DeleteSamplingRuleResponse deleteSamplingRule(RequestContext context, DeleteSamplingRuleRequest request) {
        Scope scope = context.scope();
        String name = RuleUpdates.ruleName(scope, request.ruleName(), request.ruleARN());
        if (name.equals(RuleRecord.DEFAULT)) {
            throw RuleValidation.invalid("Cannot delete the default sampling rule");
        }
        RuleRecord deleted;
        synchronized (writeLock) {
            deleted = rules.get(scope.key(name)).orElseThrow(RuleUpdates::notFound);
            rules.remove(scope.key(name));
        }
        return DeleteSamplingRuleResponse.builder().samplingRuleRecord(RuleViews.record(scope, deleted)).build();
    }

    /**
     * Every rule of {@code scope}, {@code Default} first, as X-Ray lists them: the rules centralized sampling
     * ({@code GetSamplingTargets}) hands out quotas for.
     */
    public List<software.amazon.awssdk.services.xray.model.SamplingRuleRecord> ruleRecords(Scope scope) {
        return ordered(scope, null, Integer.MAX_VALUE).stream().map(rule -> RuleViews.record(scope, rule)).toList();
    }

    /** Sampling rules as a kind of taggable resource ({@code sampling-rule/<name>}, {@code Default} included). */
    public TaggedResources tagged() {
        return new TaggedResources() {
            @Override
            public boolean owns(String resource) {
                return resource.startsWith("sampling-rule/");
            }

            @Override
            public Optional<Map<String, String>> tags(Scope scope, String arn) {
                return byArn(scope, arn).map(RuleRecord::tags);
            }

            @Override
            public Optional<Map<String, String>> updateTags(Scope scope, String arn,
                    UnaryOperator<Map<String, String>> change) {
                synchronized (writeLock) {
                    return byArn(scope, arn).map(rule -> {
                        RuleRecord updated = rule.withTags(change.apply(rule.tags()));
                        rules.put(scope.key(rule.name()), updated);
                        return updated.tags();
                    });
                }
            }
        };
    }

    private Optional<RuleRecord> byArn(Scope scope, String arn) {
        String name = arn.substring(arn.lastIndexOf(':') + 1).substring("sampling-rule/".length());
        return find(scope, name).filter(rule -> RuleViews.arn(scope, rule.name()).equals(arn));
    }

    private Optional<RuleRecord> find(Scope scope, String name) {
        Optional<RuleRecord> stored = rules.get(scope.key(name));
        if (stored.isEmpty() && name.equals(RuleRecord.DEFAULT)) {
            return Optional.of(RuleRecord.implicitDefault());
        }
        return stored;
    }

    /** {@code Default} first, then the other rules by name; up to {@code max} of those after {@code after}. */
    private List<RuleRecord> ordered(Scope scope, String after, int max) {
        List<RuleRecord> page = new ArrayList<>();
        if (after == null) {
            page.add(find(scope, RuleRecord.DEFAULT).orElseThrow());
        }
        NavigableMap<String, RuleRecord> rest = scopeRules(scope);
        if (after != null && !after.equals(RuleRecord.DEFAULT)) {
            rest = rest.tailMap(scope.key(after), false);
        }
        for (RuleRecord rule : rest.values()) {
            if (page.size() == max) {
                break;
            }
            if (!rule.defaultRule()) {
                page.add(rule);
            }
        }
        return page;
    }

    private int customRuleCount(Scope scope) {
        NavigableMap<String, RuleRecord> scoped = scopeRules(scope);
        return scoped.size() - (scoped.containsKey(scope.key(RuleRecord.DEFAULT)) ? 1 : 0);
    }

    private NavigableMap<String, RuleRecord> scopeRules(Scope scope) {
        String prefix = scope.keyPrefix();
        return rules.view().subMap(prefix, true, prefix + '\uffff', false);
    }

    private static RuleRecord newRule(CreateSamplingRuleRequest request, long nowMillis) {
        SamplingRule rule = request.samplingRule();
        Map<String, String> tags = new LinkedHashMap<>();
        if (request.hasTags()) {
            request.tags().forEach((Tag tag) -> tags.put(tag.key(), tag.value()));
        }
        return new RuleRecord(rule.ruleName(), rule.resourceARN(), rule.priority(), rule.fixedRate(),
                rule.reservoirSize(), rule.serviceName(), rule.serviceType(), rule.host(), rule.httpMethod(),
                rule.urlPath(), rule.version(), rule.hasAttributes() ? rule.attributes() : Map.of(),
                rule.samplingRateBoost() == null ? null : rule.samplingRateBoost().maxRate(),
                rule.samplingRateBoost() == null ? null : rule.samplingRateBoost().cooldownWindowMinutes(),
                tags, nowMillis, nowMillis);
    }
}
