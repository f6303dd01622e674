package io.watchpost.xray.sampling;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.xray.SamplingRulesService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.xray.model.GetSamplingStatisticSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingStatisticSummariesResponse;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.SamplingTargetDocument;
import software.amazon.awssdk.services.xray.model.UnprocessedStatistics;

/**
 * X-Ray centralized sampling ({@code xray}): GetSamplingTargets and GetSamplingStatisticSummaries. Each client
 * reports its statistics per rule every 10 seconds and gets back the rule's fixed rate and its share of the rule's
 * per-second reservoir ({@link RuleReservoir}), valid for 10 seconds ({@code ReservoirQuotaTTL}); {@code Interval}
 * tells it to report again in 10 seconds. Quotas and statistics live in memory: they describe the last seconds
 * only, as in X-Ray. Thread-safe: one lock guards the reservoirs; time comes from the injected clock.
 */
public final class SamplingTargetsService implements WatchpostService {
    static final int INTERVAL_SECONDS = 10;

    private final SamplingRulesService rules;
    private final Clock clock;
    private final Map<String, RuleReservoir> reservoirs = new HashMap<>();
    private final ApiHandlers handlers;

    public SamplingTargetsService(SamplingRulesService rules, Clock clock) {
        this.rules = requireNonNull(rules, "rules is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.handlers = ApiHandlers.builder()
                .on(GetSamplingTargetsRequest.class, this::getSamplingTargets)
                .on(GetSamplingStatisticSummariesRequest.class, this::getSamplingStatisticSummaries)
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

    GetSamplingTargetsResponse getSamplingTargets(RequestContext context, GetSamplingTargetsRequest request) {
        validate(request);
        Scope scope = context.scope();
        Map<String, SamplingRuleRecord> byName = new HashMap<>();
        Instant lastModification = Instant.EPOCH;
        for (SamplingRuleRecord record : rules.ruleRecords(scope)) {
            byName.put(record.samplingRule().ruleName(), record);
            lastModification = record.modifiedAt().isAfter(lastModification) ? record.modifiedAt() : lastModification;
        }
        long now = clock.millis();
        Instant ttl = Instant.ofEpochSecond(Math.floorDiv(now, 1000) + INTERVAL_SECONDS);
        List<SamplingTargetDocument> targets = new ArrayList<>();
        List<UnprocessedStatistics> unprocessed = new ArrayList<>();
        synchronized (reservoirs) {
            for (SamplingStatisticsDocument doc : request.samplingStatisticsDocuments()) {
                SamplingRuleRecord record = byName.get(doc.ruleName());
                if (record == null) {
                    unprocessed.add(UnprocessedStatistics.builder().ruleName(doc.ruleName()).errorCode("400")
                            .message("Sampling rule does not exist").build());
                    continue;
                }
                int quota = reservoirs.computeIfAbsent(scope.key(doc.ruleName()), k -> new RuleReservoir())
                        .report(doc.clientID(), doc.requestCount(), doc.sampledCount(),
                                doc.borrowCount() == null ? 0 : doc.borrowCount(), now,
                                record.samplingRule().reservoirSize());
                targets.add(SamplingTargetDocument.builder().ruleName(doc.ruleName())
                        .fixedRate(record.samplingRule().fixedRate()).reservoirQuota(quota)
                        .reservoirQuotaTTL(ttl).interval(INTERVAL_SECONDS).build());
            }
        }
        return GetSamplingTargetsResponse.builder().samplingTargetDocuments(targets)
                .lastRuleModification(lastModification).unprocessedStatistics(unprocessed).build();
    }

    /** The latest 10-second window of statistics of every rule that has any, in rule order. */
    GetSamplingStatisticSummariesResponse getSamplingStatisticSummaries(RequestContext context,
            GetSamplingStatisticSummariesRequest request) {
        Scope scope = context.scope();
        List<SamplingStatisticSummary> summaries = new ArrayList<>();
        synchronized (reservoirs) {
            for (SamplingRuleRecord record : rules.ruleRecords(scope)) {
                String name = record.samplingRule().ruleName();
                RuleReservoir reservoir = reservoirs.get(scope.key(name));
                RuleReservoir.Window window = reservoir == null ? null : reservoir.latest();
                if (window != null) {
                    summaries.add(SamplingStatisticSummary.builder().ruleName(name)
                            .timestamp(Instant.ofEpochMilli(window.startMillis))
                            .requestCount((int) window.requests).sampledCount((int) window.sampled)
                            .borrowCount((int) window.borrowed).build());
                }
            }
        }
        return GetSamplingStatisticSummariesResponse.builder().samplingStatisticSummaries(summaries).build();
    }

    private static void validate(GetSamplingTargetsRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        if (!request.hasSamplingStatisticsDocuments()) {
            violations.missing("samplingStatisticsDocuments");
        } else if (request.samplingStatisticsDocuments().size() > 25) {
            violations.violated("samplingStatisticsDocuments", "Member must have length less than or equal to 25");
        } else {
            List<SamplingStatisticsDocument> docs = request.samplingStatisticsDocuments();
            for (int i = 0; i < docs.size(); i++) {
                document(violations, "samplingStatisticsDocuments." + (i + 1) + ".member", docs.get(i));
            }
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
    }

    private static void document(ConstraintViolations violations, String path, SamplingStatisticsDocument doc) {
        if (doc.ruleName() == null) {
            violations.missing(path + ".ruleName");
        }
        violations.checkString(path + ".ruleName", doc.ruleName(), 1, 32, null);
        if (doc.clientID() == null) {
            violations.missing(path + ".clientID");
        }
        violations.checkString(path + ".clientID", doc.clientID(), 24, 24, null);
        if (doc.timestamp() == null) {
            violations.missing(path + ".timestamp");
        }
        if (doc.requestCount() == null) {
            violations.missing(path + ".requestCount");
        }
        violations.checkRange(path + ".requestCount", doc.requestCount(), 0, Integer.MAX_VALUE);
        if (doc.sampledCount() == null) {
            violations.missing(path + ".sampledCount");
        }
        violations.checkRange(path + ".sampledCount", doc.sampledCount(), 0, Integer.MAX_VALUE);
        violations.checkRange(path + ".borrowCount", doc.borrowCount(), 0, Integer.MAX_VALUE);
    }
}
