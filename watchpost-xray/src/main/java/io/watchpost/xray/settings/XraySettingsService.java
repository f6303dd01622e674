package io.watchpost.xray.settings;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.xray.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.EncryptionConfig;
import software.amazon.awssdk.services.xray.model.GetEncryptionConfigRequest;
import software.amazon.awssdk.services.xray.model.GetEncryptionConfigResponse;
import software.amazon.awssdk.services.xray.model.GetIndexingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetIndexingRulesResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationResponse;
import software.amazon.awssdk.services.xray.model.IndexingRule;
import software.amazon.awssdk.services.xray.model.IndexingRuleValue;
import software.amazon.awssdk.services.xray.model.ListResourcePoliciesRequest;
import software.amazon.awssdk.services.xray.model.ProbabilisticRuleValue;
import software.amazon.awssdk.services.xray.model.PutEncryptionConfigRequest;
import software.amazon.awssdk.services.xray.model.PutEncryptionConfigResponse;
import software.amazon.awssdk.services.xray.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.UpdateIndexingRuleRequest;
import software.amazon.awssdk.services.xray.model.UpdateIndexingRuleResponse;
import software.amazon.awssdk.services.xray.model.UpdateTraceSegmentDestinationRequest;
import software.amazon.awssdk.services.xray.model.UpdateTraceSegmentDestinationResponse;

/**
 * Account-level X-Ray settings, each in its own state table: the encryption configuration ({@code NONE} until
 * set; {@code UPDATING} for {@link #SETTLE_TIME} after a change, then {@code ACTIVE}), resource policies
 * ({@link ResourcePolicies}), the indexing rules (one, {@code Default}, probabilistic, indexing 1% until
 * changed) and the trace segment destination ({@code XRay} until set; {@code PENDING} for {@link #SETTLE_TIME}
 * after a change, then {@code ACTIVE}). These settings are stored and reported; nothing here encrypts data, and
 * segments stay in the trace store whatever the destination says.
 */
public final class XraySettingsService implements WatchpostService {
    /** How long a change is UPDATING/PENDING before ACTIVE (guessed: AWS gives no figure). */
    static final Duration SETTLE_TIME = Duration.ofSeconds(5);
    static final String DEFAULT_RULE = "Default";
    static final double DEFAULT_INDEXING_PERCENTAGE = 1.0;

    private final Clock clock;
    private final StateTable<SettingsRecords.Encryption> encryption;
    private final StateTable<SettingsRecords.IndexingRule> indexingRules;
    private final StateTable<SettingsRecords.Destination> destinations;
    private final ResourcePolicies policies;
    private final ApiHandlers handlers;

    public XraySettingsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.clock = clock;
        this.encryption = journal.table("xray.encryption", SettingsRecords.Encryption.class);
        this.indexingRules = journal.table("xray.indexingRules", SettingsRecords.IndexingRule.class);
        this.destinations = journal.table("xray.segmentDestination", SettingsRecords.Destination.class);
        this.policies = new ResourcePolicies(journal, clock, pageTokens);
        this.handlers = ApiHandlers.builder()
                .on(GetEncryptionConfigRequest.class, this::getEncryptionConfig)
                .on(PutEncryptionConfigRequest.class, this::putEncryptionConfig)
                .on(PutResourcePolicyRequest.class, policies::put)
                .on(ListResourcePoliciesRequest.class, policies::list)
                .on(DeleteResourcePolicyRequest.class, policies::delete)
                .on(GetIndexingRulesRequest.class, this::getIndexingRules)
                .on(UpdateIndexingRuleRequest.class, this::updateIndexingRule)
                .on(GetTraceSegmentDestinationRequest.class, this::getTraceSegmentDestination)
                .on(UpdateTraceSegmentDestinationRequest.class, this::updateTraceSegmentDestination)
                .build();
    }

    ResourcePolicies policies() {
        return policies;
    }

    @Override
    public String endpointPrefix() {
        return "xray";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    GetEncryptionConfigResponse getEncryptionConfig(RequestContext context, GetEncryptionConfigRequest request) {
        SettingsRecords.Encryption config = encryption.get(context.scope().key(""))
                .orElse(new SettingsRecords.Encryption("NONE", null, Long.MIN_VALUE));
        return GetEncryptionConfigResponse.builder().encryptionConfig(view(config)).build();
    }

    PutEncryptionConfigResponse putEncryptionConfig(RequestContext context, PutEncryptionConfigRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        if (request.typeAsString() == null) {
            violations.missing("type");
        } else {
            violations.checkEnum("type", request.typeAsString(), List.of("NONE", "KMS"));
        }
        violations.checkString("keyId", request.keyId(), 1, 3000, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        // "Omit this key if you set Type to NONE": a key given with NONE is ignored.
        String keyId = request.typeAsString().equals("KMS") ? request.keyId() : null;
        SettingsRecords.Encryption config = new SettingsRecords.Encryption(request.typeAsString(), keyId,
                clock.millis());
        encryption.put(context.scope().key(""), config);
        return PutEncryptionConfigResponse.builder().encryptionConfig(view(config)).build();
    }

    private EncryptionConfig view(SettingsRecords.Encryption config) {
        return EncryptionConfig.builder().type(config.type()).keyId(config.keyId())
                .status(settled(config.updatedMillis()) ? "ACTIVE" : "UPDATING").build();
    }

    GetIndexingRulesResponse getIndexingRules(RequestContext context, GetIndexingRulesRequest request) {
        return GetIndexingRulesResponse.builder().indexingRules(view(indexingRule(context.scope()))).build();
    }

    UpdateIndexingRuleResponse updateIndexingRule(RequestContext context, UpdateIndexingRuleRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        if (request.name() == null) {
            violations.missing("name");
        }
        if (request.rule() == null) {
            violations.missing("rule");
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (!DEFAULT_RULE.equals(request.name())) {
            throw new AwsException(AwsError.XRAY_RESOURCE_NOT_FOUND, "Indexing rule " + request.name()
                    + " not found");
        }
        Double percentage = request.rule().probabilistic() == null ? null
                : request.rule().probabilistic().desiredSamplingPercentage();
        if (percentage == null) {
            throw new AwsException(AwsError.XRAY_INVALID_REQUEST,
                    "Rule.Probabilistic.DesiredSamplingPercentage is required");
        }
        if (percentage.isNaN() || percentage < 0 || percentage > 100) {
            throw new AwsException(AwsError.XRAY_INVALID_REQUEST,
                    "DesiredSamplingPercentage must be between 0 and 100");
        }
        SettingsRecords.IndexingRule rule = new SettingsRecords.IndexingRule(DEFAULT_RULE, percentage,
                clock.millis());
        indexingRules.put(context.scope().key(DEFAULT_RULE), rule);
        return UpdateIndexingRuleResponse.builder().indexingRule(view(rule)).build();
    }

    private SettingsRecords.IndexingRule indexingRule(Scope scope) {
        return indexingRules.get(scope.key(DEFAULT_RULE))
                .orElse(new SettingsRecords.IndexingRule(DEFAULT_RULE, DEFAULT_INDEXING_PERCENTAGE, 0));
    }

    private static IndexingRule view(SettingsRecords.IndexingRule rule) {
        return IndexingRule.builder().name(rule.name()).modifiedAt(Instant.ofEpochMilli(rule.modifiedMillis()))
                .rule(IndexingRuleValue.fromProbabilistic(ProbabilisticRuleValue.builder()
                        .desiredSamplingPercentage(rule.desiredSamplingPercentage()).build()))
                .build();
    }

    GetTraceSegmentDestinationResponse getTraceSegmentDestination(RequestContext context,
            GetTraceSegmentDestinationRequest request) {
        SettingsRecords.Destination destination = destination(context.scope());
        return GetTraceSegmentDestinationResponse.builder().destination(destination.destination())
                .status(settled(destination.updatedMillis()) ? "ACTIVE" : "PENDING").build();
    }

    UpdateTraceSegmentDestinationResponse updateTraceSegmentDestination(RequestContext context,
            UpdateTraceSegmentDestinationRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkEnum("destination", request.destinationAsString(), List.of("XRay", "CloudWatchLogs"));
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        SettingsRecords.Destination current = destination(context.scope());
        if (request.destinationAsString() == null || request.destinationAsString().equals(current.destination())) {
            return UpdateTraceSegmentDestinationResponse.builder().destination(current.destination())
                    .status(settled(current.updatedMillis()) ? "ACTIVE" : "PENDING").build();
        }
        SettingsRecords.Destination updated = new SettingsRecords.Destination(request.destinationAsString(),
                clock.millis());
        destinations.put(context.scope().key(""), updated);
        return UpdateTraceSegmentDestinationResponse.builder().destination(updated.destination())
                .status("PENDING").build();
    }

    private SettingsRecords.Destination destination(Scope scope) {
        return destinations.get(scope.key("")).orElse(new SettingsRecords.Destination("XRay", Long.MIN_VALUE));
    }

    private boolean settled(long updatedMillis) {
        return updatedMillis == Long.MIN_VALUE || clock.millis() - updatedMillis >= SETTLE_TIME.toMillis();
    }
}
